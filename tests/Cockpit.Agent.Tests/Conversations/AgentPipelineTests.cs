using System.Text.Json;
using Cockpit.Agent.Conversations;
using Cockpit.Agent.V1;
using Cockpit.Testing;
using Cockpit.Understanding;
using Cockpit.Vehicle.V1;
using Grpc.Core;
using Grpc.Net.Client;
using Kuksa.Val.V2;

namespace Cockpit.Agent.Tests.Conversations;

/// <summary>The text path end to end: gRPC in, the real model, real actuations on the simulated car.</summary>
public sealed class AgentPipelineTests(EmbeddedCockpit cockpit) : IClassFixture<EmbeddedCockpit>, IAsyncLifetime
{
    private readonly Simulation.SimulationClient _simulation = new(cockpit.VehicleChannel);
    private readonly VAL.VALClient _vehicle = new(cockpit.VehicleChannel);

    public async Task InitializeAsync() => await _simulation.ResetAsync(new ResetRequest());

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Converse_OverGrpc_SetsTemperatureAndRepliesInChinese()
    {
        using var channel = cockpit.CreateAgentChannel();
        var agent = new V1.Agent.AgentClient(channel);

        var response = await agent.ConverseAsync(new ConverseRequest { Text = "把主驾温度调到二十二点五度", Language = "zh" });

        Assert.Equal(Outcome.Done, response.Outcome);
        Assert.Equal("已将主驾温度调到22.5度。", response.Reply);
        Assert.Equal(22.5f, await Current("Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature"));
        Assert.True(response.Timings.TotalMs > 0);
        Assert.True(response.InteractionId > 0);
    }

    [Fact]
    public async Task Converse_OutOfRange_RefusedWithTheRangeAndNothingChanges()
    {
        var result = await cockpit.Pipeline.ConverseAsync(new TurnRequest("set the temperature to 45 degrees", "en", Seat.Driver, null), default);

        Assert.Equal(TurnOutcome.Refused, result.Outcome);
        Assert.Contains("16", result.Reply, StringComparison.Ordinal);
        Assert.Contains("32", result.Reply, StringComparison.Ordinal);
        Assert.Equal(22f, await Current("Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature"));
    }

    // A sign the occupant said is kept, and a numeral too long for a 64-bit integer does not wrap round: 一八四四六七四四零七三七
    // 零九五五一六三八 is 2^64 + 22, which used to read as 22. Each is refused with the range, and the car keeps its value.
    [Theory]
    [InlineData("把温度调到负二十度", "zh", DriverTemperature, "温度可调范围是16到32度")]
    [InlineData("把温度调到零下二十度", "zh", DriverTemperature, "温度可调范围是16到32度")]
    [InlineData("set the temperature to minus 20 degrees", "en", DriverTemperature, "The temperature can be set from 16 to 32 degrees.")]
    [InlineData("set the temperature to -20 degrees", "en", DriverTemperature, "The temperature can be set from 16 to 32 degrees.")]
    [InlineData("把音量调到负一百", "zh", Volume, "音量可调范围是0到100")]
    [InlineData("把温度调到一八四四六七四四零七三七零九五五一六三八度", "zh", DriverTemperature, "温度可调范围是16到32度")]
    [InlineData("把温度调低负五度", "zh", DriverTemperature, "温度可调范围是16到32度")]
    [InlineData("座椅加热调到负二档", "zh", DriverSeatHeating, "座椅加热可调档位是1到3档")]
    public async Task Converse_NegativeOrOverflowingNumber_RefusedWithTheRangeAndNothingChanges(string text, string language, string path, string range)
    {
        var before = await ValueOf(path);

        var result = await cockpit.Pipeline.ConverseAsync(new TurnRequest(text, language, Seat.Driver, null), default);

        Assert.Equal(TurnOutcome.Refused, result.Outcome);
        Assert.Contains(range, result.Reply, StringComparison.Ordinal);
        Assert.All(result.Actions, action => Assert.Equal(Cockpit.Agent.Conversations.ActionStatus.Refused, action.Status));
        Assert.Equal(before, await ValueOf(path));
    }

    [Fact]
    public async Task Converse_TrunkWhileDriving_RefusedSayingWhy()
    {
        await _simulation.SetSignalsAsync(new SetSignalsRequest { Values = { ["Vehicle.Speed"] = Wire.Float(60) } });

        var result = await cockpit.Pipeline.ConverseAsync(new TurnRequest("打开后备箱", "zh", Seat.Driver, null), default);

        Assert.Equal(TurnOutcome.Refused, result.Outcome);
        Assert.Equal("车辆行驶中，不能打开后备箱。", result.Reply);
    }

    [Fact]
    public async Task Converse_ChitChat_NotUnderstoodAndLogged()
    {
        var result = await cockpit.Pipeline.ConverseAsync(new TurnRequest("what a lovely day it is", "en", Seat.Driver, null), default);

        Assert.Equal(TurnOutcome.NotUnderstood, result.Outcome);
        var record = cockpit.Interactions.ReadAll().Single(record => record.Id == result.InteractionId);
        Assert.Equal(("not_understood", "what a lovely day it is", "en"), (record.Outcome, record.Transcript, record.Language));
    }

    [Theory]
    [InlineData("", "text: the utterance is empty")]
    [InlineData("打开空调", "language: 'fr' is not supported (zh, en, or none)")]
    public async Task Converse_InvalidRequest_InvalidArgument(string text, string message)
    {
        using var channel = cockpit.CreateAgentChannel();
        var agent = new V1.Agent.AgentClient(channel);

        var error = await Assert.ThrowsAsync<RpcException>(() => agent.ConverseAsync(new ConverseRequest { Text = text, Language = text.Length == 0 ? "" : "fr" }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith(message, error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_SharedSamples_EveryVehicleScenarioPasses()
    {
        var output = new StringWriter();
        var report = Path.Combine(cockpit.DataDirectory, "report.json");

        await new Cockpit.Agent.Evaluation.EvalCommand(cockpit.CreateRunner(), output).RunAsync(SharedFiles.Find("eval/sample.jsonl"), report, default);

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(report));
        var failures = json.RootElement.GetProperty("failures").EnumerateArray()
            .Select(failure => failure.GetProperty("id").GetString())
            .Where(id => !id!.Contains("-gui-", StringComparison.Ordinal)) // screen tasks need the GUI agent
            .ToList();
        Assert.True(failures.Count == 0, output.ToString());
    }

    [Fact]
    public async Task Eval_ScenariosThatMustFail_AreReportedAsFailures()
    {
        var file = Path.Combine(cockpit.DataDirectory, "must-fail.jsonl");
        await File.WriteAllLinesAsync(file,
        [
            """{"id":"wrong-value","lang":"en","text":"set the passenger temperature to 24 degrees","expect":{"Vehicle.Cabin.HVAC.Station.Row1.Passenger.Temperature":25}}""",
            """{"id":"wrong-outcome","lang":"zh","text":"打开空调","outcome":"refused"}""",
            """{"id":"side-effect","lang":"en","text":"turn on the air conditioning","expect":{}}""",
            """{"id":"unknown-given","lang":"en","text":"turn on the fog lights","given":{"Vehicle.Teleporter":1}}""",
            """{"id":"passes","lang":"en","text":"turn on the fog lights","expect":{"Vehicle.Body.Lights.Fog.Front.IsOn":true}}""",
        ]);
        var output = new StringWriter();

        var exit = await new Cockpit.Agent.Evaluation.EvalCommand(cockpit.CreateRunner(), output).RunAsync(file, null, default);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(1, exit);
        Assert.Equal("FAIL wrong-value: Vehicle.Cabin.HVAC.Station.Row1.Passenger.Temperature: expected 25, got 24", lines[0]);
        Assert.StartsWith("FAIL wrong-outcome: outcome: expected refused, got done", lines[1], StringComparison.Ordinal);
        Assert.Equal("FAIL side-effect: side effect: Vehicle.Cabin.HVAC.IsAirConditioningActive changed from false to true", lines[2]);
        Assert.Equal("FAIL unknown-given: given: Vehicle.Teleporter is not a signal of the vehicle", lines[3]);
        Assert.Equal("1 passed, 4 failed", lines[^1]);
    }

    private const string Brightness = "Vehicle.Cabin.Infotainment.HMI.Brightness";
    private const string DriverTemperature = "Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature";
    private const string Volume = "Vehicle.Cabin.Infotainment.Media.Volume";
    private const string DriverSeatHeating = "Vehicle.Cabin.Seat.Row1.DriverSide.HeatingCooling";

    private async Task<Value> ValueOf(string path) =>
        (await _vehicle.GetValueAsync(new GetValueRequest { SignalId = Wire.Path(path) })).DataPoint.Value;

    private async Task<float> Current(string path) =>
        (await _vehicle.GetValueAsync(new GetValueRequest { SignalId = Wire.Path(path) })).DataPoint.Value.Float;
}
