using Cockpit.Vehicle.Grpc;
using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Cockpit.Vehicle.Tests.Grpc;

public sealed class SubscriptionQuotaTests
{
    // 6 slots in all, 3 per caller, 2 of them kept for agent and hmi: everyone else shares 4.
    private static readonly VehicleOptions s_limits = new() { MaxSubscriptions = 6, MaxSubscriptionsPerCaller = 3, ReservedSubscriptions = 2 };

    /// <summary>
    /// Callers ask one after the other; each letter is what the matching request gets: G granted, or refused by
    /// C its own limit (per caller), S the room the others share, M the service's maximum.
    /// </summary>
    public static TheoryData<string, string[], string> Scenarios => new()
    {
        { "one caller stops at its own limit", ["eve", "eve", "eve", "eve"], "GGGC" },
        { "another caller still subscribes", ["eve", "eve", "eve", "bob"], "GGGG" },
        { "other callers share what is not kept", ["eve", "eve", "eve", "bob", "bob", "mallory"], "GGGGSS" },
        { "the kept room is the system's", ["eve", "eve", "eve", "bob", "hmi", "agent", "bob"], "GGGGGGM" },
        { "a system subject has its own limit too", ["hmi", "hmi", "hmi", "hmi", "agent"], "GGGCG" },
        { "system subjects may use the shared room", ["hmi", "hmi", "hmi", "agent", "agent", "agent", "eve"], "GGGGGGM" },
        { "the maximum holds for system subjects", ["eve", "eve", "eve", "bob", "hmi", "hmi", "agent"], "GGGGGGM" },
        { "subjects match exactly", ["eve", "eve", "eve", "bob", "HMI", "hmi ", "hmi"], "GGGGSSG" },
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Acquire_Scenario_GrantsAndRefusesAsTheLimitsSay(string why, string[] callers, string expected)
    {
        var quota = Quota(s_limits);

        var outcomes = string.Concat(callers.Select(caller => Outcome(quota, caller)));

        Assert.True(expected == outcomes, $"{why}: expected {expected}, got {outcomes}");
    }

    [Fact]
    public void Acquire_PastOwnLimit_ResourceExhaustedNamingCallerLimitAndOption()
    {
        var quota = Quota(s_limits);
        for (var index = 0; index < 3; index++)
        {
            quota.Acquire("eve");
        }

        var error = Assert.Throws<RpcException>(() => quota.Acquire("eve"));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Equal("'eve' holds 3 subscriptions already, the most one caller may (Vehicle:MaxSubscriptionsPerCaller); close one and try again", error.Status.Detail);
    }

    [Fact]
    public void Acquire_SharedRoomTaken_ResourceExhaustedNamingTheReserve()
    {
        var quota = Quota(s_limits);
        foreach (var caller in new[] { "eve", "eve", "bob", "bob" })
        {
            quota.Acquire(caller);
        }

        var error = Assert.Throws<RpcException>(() => quota.Acquire("mallory"));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Equal("'mallory': callers other than the system's clients hold 4 subscriptions together already, the most they may " +
            "(Vehicle:MaxSubscriptions less the 2 Vehicle:ReservedSubscriptions kept for agent, hmi); close one and try again", error.Status.Detail);
    }

    [Fact]
    public void Dispose_Twice_GivesTheSlotBackOnce()
    {
        var quota = Quota(s_limits);
        var first = quota.Acquire("eve");
        quota.Acquire("eve");

        first.Dispose();
        first.Dispose();

        Assert.Equal((1, 1), (quota.Count, quota.CountOf("eve")));
    }

    [Fact]
    public void Dispose_EveryLease_LimitsAsAtStart()
    {
        var quota = Quota(s_limits);
        var callers = new[] { "eve", "eve", "eve", "bob", "hmi", "agent" };

        for (var round = 0; round < 100; round++)
        {
            var leases = callers.Select(quota.Acquire).ToList();
            leases.ForEach(lease => lease.Dispose());
        }

        Assert.Equal(0, quota.Count);
        Assert.Equal("GGGGGG", string.Concat(callers.Select(caller => Outcome(quota, caller))));
    }

    [Fact]
    public async Task Acquire_ManyCallersAtOnce_NeverPastALimitAndAllComesBack()
    {
        var quota = Quota(new VehicleOptions { MaxSubscriptions = 50, MaxSubscriptionsPerCaller = 3, ReservedSubscriptions = 10 });
        var callers = Enumerable.Range(0, 40).Select(index => index % 10 == 0 ? "hmi" : $"app-{index % 20}").ToArray();
        var granted = new System.Collections.Concurrent.ConcurrentBag<(string Caller, IDisposable Lease)>();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            for (var attempt = 0; attempt < 200; attempt++)
            {
                var caller = callers[(worker * 7 + attempt) % callers.Length];
                try
                {
                    granted.Add((caller, quota.Acquire(caller)));
                }
                catch (RpcException)
                {
                    // refused: the limits are checked below
                }
            }
        })));
        var held = granted.GroupBy(grant => grant.Caller).ToDictionary(group => group.Key, group => group.Count());
        await Task.WhenAll(granted.Select(grant => Task.Run(grant.Lease.Dispose)));

        Assert.InRange(held.Values.Max(), 1, 3);
        Assert.Equal(3, held["hmi"]);
        Assert.Equal(40, held.Where(pair => pair.Key != "hmi").Sum(pair => pair.Value));
        Assert.Equal(0, quota.Count);
        Assert.All(held.Keys, caller => Assert.Equal(0, quota.CountOf(caller)));
    }

    private static SubscriptionQuota Quota(VehicleOptions limits) =>
        new(Options.Create(limits), NullLogger<SubscriptionQuota>.Instance);

    private static char Outcome(SubscriptionQuota quota, string caller)
    {
        try
        {
            quota.Acquire(caller);
            return 'G';
        }
        catch (RpcException error) when (error.StatusCode == StatusCode.ResourceExhausted)
        {
            return error.Status.Detail switch
            {
                var detail when detail.Contains("(Vehicle:MaxSubscriptionsPerCaller)", StringComparison.Ordinal) => 'C',
                var detail when detail.Contains("Vehicle:ReservedSubscriptions", StringComparison.Ordinal) => 'S',
                var detail when detail.Contains("(Vehicle:MaxSubscriptions)", StringComparison.Ordinal) => 'M',
                _ => '?',
            };
        }
    }
}
