using Cockpit.Agent.Conversations;
using Cockpit.Testing;
using Cockpit.Understanding;
using Cockpit.Vehicle.V1;
using Kuksa.Val.V2;

namespace Cockpit.Agent.Tests.Conversations;

/// <summary>Screen tasks said to the whole agent (the real model, the HMI and the car on loopback): only the goal changes.</summary>
public sealed class ScreenTurnTests(EmbeddedCockpit cockpit) : IClassFixture<EmbeddedCockpit>, IAsyncLifetime
{
    private static readonly string[] s_watched =
    [
        "Vehicle.Body.Windshield.Rear.Wiping.Mode", "Vehicle.Body.Windshield.Front.Wiping.Mode",
        "Vehicle.Cabin.Light.AmbientLight.Row1.DriverSide.Color", "Vehicle.Cabin.Infotainment.Media.Played.Track",
    ];

    private readonly Simulation.SimulationClient _simulation = new(cockpit.VehicleChannel);
    private readonly VAL.VALClient _vehicle = new(cockpit.VehicleChannel);
    private readonly Cockpit.Hmi.V1.Hmi.HmiClient _hmi = new(cockpit.HmiChannel);

    public async Task InitializeAsync()
    {
        await _simulation.ResetAsync(new Cockpit.Vehicle.V1.ResetRequest());
        await _hmi.ResetAsync(new Cockpit.Hmi.V1.ResetRequest());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    // The model cut "两只" from 两只老虎, and 光年之外 (guang nian zhi wai) used to be played for it.
    [Theory]
    [InlineData("播放两只老虎", "zh", "曲库里没有找到")]
    [InlineData("play Hotel California", "en", "I couldn't find")]
    public async Task Converse_TrackTheLibraryLacks_RefusedAndNothingElseChanges(string text, string language, string reply)
    {
        var before = await Watched();

        var result = await cockpit.Pipeline.ConverseAsync(new TurnRequest(text, language, Seat.Driver, null), default);

        Assert.Equal(TurnOutcome.Refused, result.Outcome);
        Assert.Contains(reply, result.Reply, StringComparison.Ordinal);
        Assert.Equal(before, await Watched());
        var state = await _hmi.GetStateAsync(new Cockpit.Hmi.V1.GetStateRequest());
        Assert.Equal("", state.Values["media.track"].StringValue);
        Assert.Equal("home", state.Values["app"].StringValue);
    }

    [Theory]
    [InlineData("turn bluetooth back on", "en")]
    [InlineData("把蓝牙再打开", "zh")]
    public async Task Converse_BluetoothBackOn_OnlyBluetoothChanges(string text, string language)
    {
        var before = await Watched();

        var result = await cockpit.Pipeline.ConverseAsync(new TurnRequest(text, language, Seat.Driver, null), default);

        Assert.Equal(TurnOutcome.Done, result.Outcome);
        Assert.True((await _hmi.GetStateAsync(new Cockpit.Hmi.V1.GetStateRequest())).Values["settings.bluetooth"].BoolValue);
        Assert.Equal(before, await Watched());
    }

    private async Task<string> Watched()
    {
        var request = new GetValuesRequest();
        request.SignalIds.AddRange(s_watched.Select(path => new SignalID { Path = path }));
        var response = await _vehicle.GetValuesAsync(request);
        return string.Join("; ", response.DataPoints.Select(point => point.Value?.ToString() ?? "none"));
    }
}
