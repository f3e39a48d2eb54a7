using System.Diagnostics;
using Cockpit.Testing;
using Cockpit.Vehicle.Grpc;
using Cockpit.Vehicle.Security;
using Grpc.Core;
using Grpc.Net.Client;
using Kuksa.Val.V2;
using Microsoft.Extensions.DependencyInjection;

namespace Cockpit.Vehicle.Tests.Grpc;

/// <summary>
/// Subscription slots over real gRPC: one caller (a token's subject) cannot take them all, and the system's own
/// clients (subjects "agent" and "hmi") always find room.
/// </summary>
public sealed class SubscriptionLimitTests : IAsyncDisposable
{
    private const string ReadOnly = "read";

    private static readonly SubscribeRequest s_speed = new() { SignalPaths = { "Vehicle.Speed" } };

    private readonly List<IDisposable> _open = [];

    public async ValueTask DisposeAsync()
    {
        foreach (var resource in Enumerable.Reverse(_open))
        {
            resource.Dispose();
        }

        await Task.CompletedTask;
    }

    [Fact]
    public async Task Subscribe_OneReadOnlyCallerTriesEverySlot_HmiStillSubscribes()
    {
        // The finding: one read-only token held all 1000 slots, and the HMI, restarted, saw the car as unavailable.
        await using var host = await VehicleServiceHost.StartAsync();
        var mallory = Channel(host, ReadOnly, "mallory");

        var (open, refusal) = await SubscribeUntilRefusedAsync(mallory, attempts: 1000);
        var hmi = await SubscribeAsync(Channel(host, ReadOnly, "hmi"));

        Assert.Equal(0f, hmi.Entries["Vehicle.Speed"].Value.Float);
        Assert.Equal(50, open);
        Assert.Equal(StatusCode.ResourceExhausted, refusal?.StatusCode);
        Assert.Empty(host.Logs.Errors);
    }

    [Fact]
    public async Task Subscribe_ReadOnlyCallerPastItsLimit_ResourceExhaustedAndAnotherCallerStillSubscribes()
    {
        await using var host = await VehicleServiceHost.StartAsync();
        var eve = Channel(host, ReadOnly, "eve");
        Assert.Equal((50, null), await SubscribeUntilRefusedAsync(eve, attempts: 50));

        var error = await Assert.ThrowsAsync<RpcException>(() => SubscribeAsync(eve));
        var bob = await SubscribeAsync(Channel(host, ReadOnly, "bob"));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Equal("'eve' holds 50 subscriptions already, the most one caller may (Vehicle:MaxSubscriptionsPerCaller); close one and try again", error.Status.Detail);
        Assert.Equal(0f, bob.Entries["Vehicle.Speed"].Value.Float);
        Assert.Contains(host.Logs.Entries, entry => entry.Level == Microsoft.Extensions.Logging.LogLevel.Warning && entry.Message.StartsWith("Refused a subscription of eve: ", StringComparison.Ordinal));
        Assert.Empty(host.Logs.Errors);
    }

    [Fact]
    public async Task Subscribe_OtherCallersFillTheSharedRoom_SystemClientsStillSubscribe()
    {
        await using var host = await VehicleServiceHost.StartAsync();
        foreach (var app in Enumerable.Range(1, 18))
        {
            Assert.Equal((50, null), await SubscribeUntilRefusedAsync(Channel(host, ReadOnly, $"app-{app}"), attempts: 50));
        }

        var error = await Assert.ThrowsAsync<RpcException>(() => SubscribeAsync(Channel(host, ReadOnly, "app-19")));
        var hmi = await SubscribeUntilRefusedAsync(Channel(host, ReadOnly, "hmi"), attempts: 50);
        var agent = await SubscribeUntilRefusedAsync(Channel(host, ReadOnly, "agent"), attempts: 50);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.StartsWith("'app-19': callers other than the system's clients hold 900 subscriptions together already", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal((50, 50), (hmi.Open, agent.Open));
        Assert.Equal(1000, host.Services.GetRequiredService<SubscriptionQuota>().Count);
        Assert.Empty(host.Logs.Errors);
    }

    [Fact]
    public async Task Subscribe_ManyOpenedAndEnded_CallerSubscribesUpToItsLimitAgain()
    {
        await using var host = await VehicleServiceHost.StartAsync(options =>
            (options.MaxSubscriptions, options.MaxSubscriptionsPerCaller, options.ReservedSubscriptions) = (20, 5, 5));
        var quota = host.Services.GetRequiredService<SubscriptionQuota>();
        var eve = Channel(host, ReadOnly, "eve");
        var client = new VAL.VALClient(eve);

        for (var round = 0; round < 40; round++)
        {
            // Every way a subscription ends: the client cancels (by path, by id), its connection closes, its duration runs
            // out; and a refused request, which must not take a slot.
            var byPath = client.Subscribe(s_speed);
            var byId = client.SubscribeById(new SubscribeByIdRequest { SignalIds = { SpeedId(host) } });
            using var connection = host.CreateChannel(VehicleTestKeys.Issue(ReadOnly, "eve"));
            var dropped = new VAL.VALClient(connection).Subscribe(s_speed);
            using var fourth = client.Subscribe(s_speed);
            using var fifth = client.Subscribe(s_speed);
            await Task.WhenAll(byPath.ResponseStream.ReadNextAsync(), byId.ResponseStream.ReadNextAsync(), dropped.ResponseStream.ReadNextAsync(),
                fourth.ResponseStream.ReadNextAsync(), fifth.ResponseStream.ReadNextAsync());
            using var refused = client.Subscribe(s_speed);
            Assert.Equal(StatusCode.ResourceExhausted, (await Assert.ThrowsAsync<RpcException>(() => refused.ResponseStream.ReadNextAsync())).StatusCode);

            byPath.Dispose();
            byId.Dispose();
            connection.Dispose();
            fourth.Dispose();
            fifth.Dispose();
            await WaitUntilAsync(() => quota.CountOf("eve") == 0);
            using var timed = client.Subscribe(new SubscribeRequest { SignalPaths = { "Vehicle.Speed" }, Filter = new Filter { DurationMs = 1 } });
            await ReadToEndAsync(timed);
            await WaitUntilAsync(() => quota.CountOf("eve") == 0);
        }

        var again = await SubscribeUntilRefusedAsync(eve, attempts: 6);

        Assert.Equal(5, again.Open);
        Assert.Equal(StatusCode.ResourceExhausted, again.Refusal?.StatusCode);
        Assert.Equal(5, quota.Count);
        Assert.Empty(host.Logs.Errors);
    }

    [Fact]
    public async Task Subscribe_ServiceStops_EverySlotComesBack()
    {
        await using var host = await VehicleServiceHost.StartAsync();
        var quota = host.Services.GetRequiredService<SubscriptionQuota>();
        await SubscribeUntilRefusedAsync(Channel(host, ReadOnly, "hmi"), attempts: 10);
        await SubscribeUntilRefusedAsync(Channel(host, ReadOnly, "eve"), attempts: 10);

        await host.StopAsync();

        Assert.Equal(0, quota.Count);
        Assert.Empty(host.Logs.Errors);
    }

    [Fact]
    public async Task Subscribe_AuthorizationOff_CallersToldApartByAddressNotConnection()
    {
        await using var host = await VehicleServiceHost.StartAsync(
            options => options.MaxSubscriptionsPerCaller = 3,
            services => services.Configure<VehicleAuthorizationOptions>(options => (options.PublicKey, options.Insecure) = (null, true)));
        await SubscribeUntilRefusedAsync(Keep(host.CreateChannel(null)), attempts: 2);

        var (open, refusal) = await SubscribeUntilRefusedAsync(Keep(host.CreateChannel(null)), attempts: 2);

        Assert.Equal(1, open);
        Assert.Equal("'127.0.0.1' holds 3 subscriptions already, the most one caller may (Vehicle:MaxSubscriptionsPerCaller); close one and try again", refusal?.Status.Detail);
    }

    private static int SpeedId(VehicleServiceHost host) =>
        host.Services.GetRequiredService<Cockpit.Vehicle.Vss.VssCatalog>().Entries.Single(entry => entry.Path == "Vehicle.Speed").Id;

    private static async Task ReadToEndAsync(AsyncServerStreamingCall<SubscribeResponse> call)
    {
        using var cancellation = new CancellationTokenSource(Cockpit.Testing.AsyncStreamReaderExtensions.DefaultTimeout);
        while (await call.ResponseStream.MoveNext(cancellation.Token))
        {
        }
    }

    /// <summary>A stream that ends leaves the service a moment later: the server learns of it asynchronously.</summary>
    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(10), "the slots did not come back within 10 s");
            await Task.Delay(5);
        }
    }

    /// <summary>Opens subscriptions on <paramref name="channel"/>, one after the other, until one is refused or <paramref name="attempts"/> are open.</summary>
    private async Task<(int Open, RpcException? Refusal)> SubscribeUntilRefusedAsync(GrpcChannel channel, int attempts)
    {
        var client = new VAL.VALClient(channel);
        for (var open = 0; open < attempts; open++)
        {
            var call = Keep(client.Subscribe(s_speed));
            try
            {
                await call.ResponseStream.ReadNextAsync();
            }
            catch (RpcException error)
            {
                return (open, error);
            }
        }

        return (attempts, null);
    }

    /// <summary>One subscription on <paramref name="channel"/>, kept open until the test ends; its first message.</summary>
    private async Task<SubscribeResponse> SubscribeAsync(GrpcChannel channel) =>
        await Keep(new VAL.VALClient(channel).Subscribe(s_speed)).ResponseStream.ReadNextAsync();

    private GrpcChannel Channel(VehicleServiceHost host, string scope, string subject) =>
        Keep(host.CreateChannel(VehicleTestKeys.Issue(scope, subject)));

    private T Keep<T>(T resource)
        where T : IDisposable
    {
        _open.Add(resource);
        return resource;
    }
}
