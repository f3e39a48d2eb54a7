using Cockpit.Agent.Conversations;
using Cockpit.Agent.Replies;
using Cockpit.Testing;
using Cockpit.Understanding;
using Cockpit.Understanding.Catalog;
using Cockpit.Understanding.Resolution;
using Cockpit.Vehicle.Client;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cockpit.Agent.Tests.Replies;

/// <summary>
/// Replies from what the real vehicle service reports, read back at once as the pipeline does: every catalog change
/// of a fresh car is carried out through <see cref="VehicleClient"/> and said from the values read back. Set points,
/// switches, locks, enums and media commands are confirmed at once; parts that open and close are said as on their
/// way (simulated time stands still here). Nothing the car took is said as not confirmed. No model needed.
/// </summary>
public sealed class ReadBackTests : IAsyncLifetime, IDisposable
{
    private static readonly ActionCatalog Catalog = ActionCatalog.Default;

    private readonly ReplyComposer _replies = new(Catalog);
    private readonly ActionResolver _resolver = new(Catalog);
    private VehicleServiceHost _host = null!;
    private VehicleClient _vehicle = null!;

    public async Task InitializeAsync()
    {
        // Neither the ECUs' timing nor the client's deadline is under test here. On a loaded machine a confirmation can
        // take longer than the default 500 ms, and the first call to a fresh service longer than the client's 2 s (seen
        // on a clean clone: DeadlineExceeded on the first read); either would fail the case for a reason the replies have
        // nothing to do with.
        _host = await VehicleServiceHost.StartAsync(options => options.Can.ConfirmTimeout = TimeSpan.FromSeconds(10));
        _vehicle = new VehicleClient(
            new VehicleClientOptions
            {
                Address = _host.Address.ToString(),
                Token = VehicleTestKeys.Issue(VehicleTestKeys.AllScopes, "test-bench"),
                CallTimeout = TimeSpan.FromSeconds(10),
            },
            TimeProvider.System,
            NullLogger<VehicleClient>.Instance);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public void Dispose() => _vehicle.Dispose();

    public static TheoryData<string, string> EveryVehicleChange()
    {
        var rows = new TheoryData<string, string>();
        foreach (var function in Catalog.Functions.Where(function => !function.IsScreenTask))
        {
            foreach (var operation in function.Ops.Keys)
            {
                rows.Add(function.Id, operation);
            }
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(EveryVehicleChange))]
    public async Task Compose_ChangeReadBackFromTheCar_DoneOrOnItsWayNeverUnconfirmed(string function, string operation)
    {
        var before = await _vehicle.GetValuesAsync([.. Catalog.AllPaths()], default);
        var action = _resolver.Resolve([ReplyTableTests.Call("en", function, operation, "")], Seat.Driver, path => before.GetValueOrDefault(path), null).Actions.Single();
        Assert.Null(action.Refusal);

        Assert.True((await _vehicle.ActuateAsync([.. action.Targets.Select(target => (target.Path, target.Value))], default)).IsAccepted);
        var reported = await _vehicle.GetValuesAsync([.. _replies.ConfirmingPaths(action, action.Targets).Distinct()], default);

        var reply = Say(action, reported);
        var asked = Say(action, reported.ToDictionary(pair => pair.Key, pair => action.Targets.FirstOrDefault(target => target.Path == pair.Key)?.Value ?? pair.Value));
        Assert.DoesNotContain("hasn't confirmed", reply, StringComparison.Ordinal);
        Assert.True(reply == asked || reply.StartsWith("Opening", StringComparison.Ordinal) || reply.StartsWith("Closing", StringComparison.Ordinal)
            || reply.StartsWith("Tilting", StringComparison.Ordinal), $"{function}.{operation}: \"{reply}\", asked \"{asked}\"");
        Assert.Empty(_host.Logs.Errors);
    }

    private string Say(ResolvedAction action, IReadOnlyDictionary<string, object?> reported) =>
        _replies.Compose("en", TurnOutcome.Done, [(action, new ActionOutcome(action.Function!.Id, action.Call.ToString(), action.Targets, ActionStatus.Accepted, null) { Reported = reported })]);
}
