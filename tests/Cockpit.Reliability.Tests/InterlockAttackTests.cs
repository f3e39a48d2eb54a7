using Cockpit.Testing;
using Cockpit.Vehicle.V1;
using Grpc.Core;
using Kuksa.Val.V2;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Cockpit.Reliability.Tests;

/// <summary>
/// The door and trunk interlock against a car in reverse, a speed cleared by a provider, and a speed nobody reports any
/// more: each counts as moving, on the raw kuksa API as through the agent.
/// </summary>
public sealed class InterlockAttackTests
{
    private const string Trunk = "Vehicle.Body.Trunk.Rear.IsOpen";

    [Fact]
    public async Task Reversing_AgentAndRawApi_NothingOpens()
    {
        var cockpit = new Agent.Tests.EmbeddedCockpit();
        await cockpit.InitializeAsync();
        try
        {
            await ReverseAsync(cockpit);
        }
        finally
        {
            await cockpit.DisposeAsync();
        }
    }

    private static async Task ReverseAsync(Agent.Tests.EmbeddedCockpit cockpit)
    {
        var simulation = new Simulation.SimulationClient(cockpit.VehicleChannel);
        await simulation.SetSignalsAsync(new SetSignalsRequest { Values = { ["Vehicle.Speed"] = Wire.Float(-50) } });
        using var agentChannel = GrpcChannels.ForAddress(cockpit.VehicleAddress, cockpit.Authorization.AgentToken);

        var trunk = await cockpit.Pipeline.ConverseAsync(new Agent.Conversations.TurnRequest("打开后备箱", "zh", Understanding.Seat.Driver, null), default);
        var doors = await cockpit.Pipeline.ConverseAsync(new Agent.Conversations.TurnRequest("open the driver door", "en", Understanding.Seat.Driver, null), default);
        var raw = await Assert.ThrowsAsync<RpcException>(() => new VAL.VALClient(agentChannel).ActuateAsync(Wire.Actuate(Trunk, Wire.Bool(true))).ResponseAsync);
        await simulation.SettleAsync(new SettleRequest());

        Assert.Equal(Agent.Conversations.TurnOutcome.Refused, trunk.Outcome);
        Assert.NotEqual(Agent.Conversations.TurnOutcome.Done, doors.Outcome);
        Assert.Equal(StatusCode.FailedPrecondition, raw.StatusCode);
        Assert.Contains("in either direction", raw.Status.Detail, StringComparison.Ordinal);
        var state = await simulation.GetStateAsync(new GetStateRequest());
        Assert.False(state.Signals[Trunk].Current.Value.Bool);
        Assert.False(state.Signals["Vehicle.Cabin.Door.Row1.DriverSide.IsOpen"].Current.Value.Bool);
    }

    [Fact]
    public async Task SpeedClearedByAProvider_TrunkStaysShutSayingTheSpeedIsUnknown()
    {
        await using var vehicle = await VehicleServiceHost.StartAsync();
        await vehicle.Simulation.SetSignalsAsync(new SetSignalsRequest { Values = { ["Vehicle.Speed"] = Wire.Float(50) } });
        using var provider = vehicle.CreateChannel(VehicleTestKeys.Issue("provide:Vehicle.Speed", "speed-provider"));

        await new VAL.VALClient(provider).PublishValueAsync(new PublishValueRequest { SignalId = Wire.Path("Vehicle.Speed"), DataPoint = new Datapoint() });
        var refused = await Assert.ThrowsAsync<RpcException>(() => vehicle.Val.ActuateAsync(Wire.Actuate(Trunk, Wire.Bool(true))).ResponseAsync);
        await vehicle.Simulation.SettleAsync(new SettleRequest());

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Contains("speed is unknown", refused.Status.Detail, StringComparison.Ordinal);
        Assert.False((await vehicle.Val.GetValueAsync(new GetValueRequest { SignalId = Wire.Path(Trunk) })).DataPoint.Value.Bool);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task SpeedReportedOnlyOnceThenSilent_TrunkStaysShutOnceStale(bool vcuSilent, bool opens)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var vehicle = await VehicleServiceHost.StartAsync(
            options =>
            {
                options.TimeScale = 1;
                if (vcuSilent)
                {
                    options.Can.SilentEcus.Add("VCU");
                }
            },
            services => services.AddSingleton<TimeProvider>(clock));
        await vehicle.Simulation.SetSignalsAsync(new SetSignalsRequest { Values = { ["Vehicle.Speed"] = Wire.Float(0) } });

        for (var step = 0; step < 40; step++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(50)); // 2 s of simulated time; a live VCU reports every 100 ms
            await Task.Yield();
        }

        await WaitForTicksAsync();
        var call = vehicle.Val.ActuateAsync(Wire.Actuate(Trunk, Wire.Bool(true))).ResponseAsync;
        if (opens)
        {
            await call;
        }
        else
        {
            var refused = await Assert.ThrowsAsync<RpcException>(() => call);
            Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
            Assert.Contains("speed is stale", refused.Status.Detail, StringComparison.Ordinal);
        }
    }

    // The simulation loop runs on the thread pool; give it a moment to process the ticks the fake clock released.
    private static Task WaitForTicksAsync() => Task.Delay(200);
}
