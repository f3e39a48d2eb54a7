using Cockpit.Agent.Conversations;
using Cockpit.Agent.HeadUnit;
using Cockpit.Agent.Hosting;
using Cockpit.Agent.Interactions;
using Cockpit.Agent.Tests;
using Cockpit.Agent.V1;
using Cockpit.ServiceDefaults.Security;
using Cockpit.Testing;
using Cockpit.Understanding;
using Grpc.Core;
using Kuksa.Val.V2;
using Microsoft.Extensions.DependencyInjection;

namespace Cockpit.Reliability.Tests;

/// <summary>Turns that end badly still end in a reply and a record: expired credentials, clients that give up mid-turn.</summary>
public sealed class AgentTurnAttackTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("cockpit-reliability-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task Converse_AgentsVehicleTokenExpired_ReplySaysSoAndTheTurnIsLogged()
    {
        await using var vehicle = await VehicleServiceHost.StartAsync();
        var expired = new TokenIssuer(VehicleTestKeys.PrivateKeyPem).Issue("agent", "read actuate", TimeSpan.FromHours(1), issuedAt: DateTimeOffset.UtcNow.AddHours(-2));
        var port = CockpitHost.FreeTcpPort();
        await using var agent = HeadUnitAgent.Build(
        [
            $"--Agent:VehicleAddress={vehicle.Address}", $"--Agent:Port={port}", $"--Agent:DataDirectory={_data}", "--Logging:ConsoleLevel=Fatal",
            $"--Agent:VehicleToken={expired}", $"--Agent:Authorization:PublicKey={VehicleTestKeys.PublicKeyPem}",
        ]);
        await agent.StartAsync();
        using var channel = GrpcChannels.ForAddress(new Uri($"http://127.0.0.1:{port}"), VehicleTestKeys.Issue("converse", "console"));

        var response = await new Agent.V1.Agent.AgentClient(channel).ConverseAsync(new ConverseRequest { Text = "open the trunk", Language = "en" });

        Assert.Equal(Outcome.Failed, response.Outcome);
        Assert.Equal("The car's systems refused my credentials (invalid or expired), so nothing was changed.", response.Reply);
        var record = Assert.Single(agent.Services.GetRequiredService<InteractionLog>().ReadAll());
        Assert.Equal(("open the trunk", "failed"), (record.Transcript, record.Outcome));
        Assert.Contains("Unauthenticated", record.Actions, StringComparison.Ordinal);
        await agent.StopAsync();
    }

    [Fact]
    public async Task Converse_ActuatorOutsideTheAgentsScope_ReplySaysNotPermittedNotUnreachable()
    {
        await using var vehicle = await VehicleServiceHost.StartAsync();
        var agent = HeadUnitAgent.Build(
        [
            $"--Agent:VehicleAddress={vehicle.Address}", "--Agent:Port=0", $"--Agent:DataDirectory={_data}", "--Logging:ConsoleLevel=Fatal",
            $"--Agent:VehicleToken={VehicleTestKeys.Issue("read actuate:Vehicle.Cabin.HVAC.*", "agent")}", $"--Agent:Authorization:PublicKey={VehicleTestKeys.PublicKeyPem}",
        ]);
        await using (agent)
        {
            await agent.StartAsync();

            var turn = await agent.Services.GetRequiredService<AgentPipeline>().ConverseAsync(new TurnRequest("打开后备箱", "zh", Seat.Driver, null), default);

            Assert.Equal(TurnOutcome.Failed, turn.Outcome);
            Assert.Equal("我没有权限做这个操作，没有做任何改动。", turn.Reply);
            await agent.StopAsync();
        }
    }

    [Fact]
    public async Task Converse_ClientsGiveUpMidTurn_EveryChangeOfTheCarHasARecord()
    {
        const string Volume = "Vehicle.Cabin.Infotainment.Media.Volume";
        var cockpit = new EmbeddedCockpit();
        await cockpit.InitializeAsync();
        try
        {
            var val = new VAL.VALClient(cockpit.VehicleChannel);
            using var subscription = val.Subscribe(new SubscribeRequest { SignalPaths = { Volume }, BufferSize = 1000 });
            var changes = new List<uint>();
            var reading = Task.Run(async () =>
            {
                while (await subscription.ResponseStream.MoveNext(CancellationToken.None))
                {
                    changes.AddRange(subscription.ResponseStream.Current.Entries.Values.Select(point => point.Value.Uint32));
                }
            });
            using var channel = cockpit.CreateAgentChannel();
            var agent = new Agent.V1.Agent.AgentClient(channel);

            for (var turn = 0; turn < 60; turn++)
            {
                var volume = 20 + turn;
                try
                {
                    await agent.ConverseAsync(new ConverseRequest { Text = $"set the volume to {volume}", Language = "en" }, deadline: DateTime.UtcNow.AddMilliseconds(1 + (turn % 10)));
                }
                catch (RpcException error) when (error.StatusCode is StatusCode.DeadlineExceeded or StatusCode.Cancelled)
                {
                    // the client gave up; the car may or may not have changed
                }
            }

            await Task.Delay(TimeSpan.FromSeconds(2)); // turns the clients gave up on finish on the server
            subscription.Dispose();
            await reading.ContinueWith(_ => { }, TaskScheduler.Default);

            var records = cockpit.Interactions.ReadAll();
            var changed = changes.Skip(1).Distinct().ToList(); // the first message is the value before the test
            Assert.NotEmpty(changed);
            Assert.All(changed, value => Assert.Contains(records, record =>
                record.Outcome == "done" && record.Actions.Contains($"\"path\":\"{Volume}\",\"value\":\"{value}\"", StringComparison.Ordinal)));
            Assert.DoesNotContain(records, record => record.Outcome == InteractionRecord.PendingOutcome);
        }
        finally
        {
            await cockpit.DisposeAsync();
        }
    }
}
