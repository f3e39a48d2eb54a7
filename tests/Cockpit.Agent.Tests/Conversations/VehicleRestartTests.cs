using Cockpit.Agent.Conversations;
using Cockpit.Agent.HeadUnit;
using Cockpit.Agent.Hosting;
using Cockpit.Agent.Interactions;
using Cockpit.Testing;
using Cockpit.Understanding;
using Microsoft.Extensions.DependencyInjection;

namespace Cockpit.Agent.Tests.Conversations;

/// <summary>The vehicle service goes away and comes back: the agent says so, logs it, loses nothing and reconnects.</summary>
public sealed class VehicleRestartTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("cockpit-restart-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task Converse_VehicleServiceDownThenBack_FailsClearlyThenWorks()
    {
        var port = CockpitHost.FreeTcpPort();
        await using var agent = HeadUnitAgent.Build(
        [
            $"--Agent:VehicleAddress=http://127.0.0.1:{port}", "--Agent:Port=0", $"--Agent:DataDirectory={_data}",
            "--Agent:VehicleRetries=1", "--Agent:RetryBaseDelay=00:00:00.050", "--Logging:ConsoleLevel=Fatal",
            $"--Agent:VehicleToken={VehicleTestKeys.Issue("read actuate", "agent")}", $"--Agent:Authorization:PublicKey={VehicleTestKeys.PublicKeyPem}",
        ]);
        await agent.StartAsync();
        var pipeline = agent.Services.GetRequiredService<AgentPipeline>();

        var whileDown = await pipeline.ConverseAsync(new TurnRequest("turn on the air conditioning", "en", Seat.Driver, null), default);
        await using (var vehicle = await VehicleServiceHost.StartAsync(options => options.Port = port))
        {
            var afterRestart = await pipeline.ConverseAsync(new TurnRequest("turn on the air conditioning", "en", Seat.Driver, null), default);

            Assert.Equal(TurnOutcome.Failed, whileDown.Outcome);
            Assert.Equal("I can't reach the car's systems right now, so nothing was changed. Please try again.", whileDown.Reply);
            Assert.True(afterRestart.Outcome == TurnOutcome.Done, string.Join(" / ", afterRestart.Actions.Select(action => action.Detail)));
            var state = await vehicle.Val.GetValueAsync(new Kuksa.Val.V2.GetValueRequest { SignalId = Wire.Path("Vehicle.Cabin.HVAC.IsAirConditioningActive") });
            Assert.True(state.DataPoint.Value.Bool);
        }

        var records = agent.Services.GetRequiredService<InteractionLog>().ReadAll();
        Assert.Equal(["failed", "done"], records.Select(record => record.Outcome));
        Assert.Contains("Unreachable", records[0].Actions, StringComparison.Ordinal);
        await agent.StopAsync();
    }
}
