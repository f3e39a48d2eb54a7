using Cockpit.Gui.Tests.Infrastructure;
using Cockpit.Hmi.V1;
using Grpc.Core;
using Kuksa.Val.V2;

namespace Cockpit.Gui.Tests.Hmi;

/// <summary>Screens bound to the car, against a stand-in vehicle service.</summary>
public sealed class VehicleBindingTests : IAsyncLifetime
{
    private const string DriverTemperature = "Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature";

    private FakeVehicle _vehicle = null!;
    private GuiHost _host = null!;

    private Cockpit.Hmi.V1.Hmi.HmiClient Client => _host.Client;

    public async Task InitializeAsync()
    {
        _vehicle = await FakeVehicle.StartAsync();
        _host = await GuiHost.StartAsync(_vehicle.Address.ToString());
        await Client.WaitForScreenAsync(s => s.VehicleAvailable, "the vehicle connected");
    }

    public async Task DisposeAsync()
    {
        Assert.Empty(_host.Logs.Errors);
        await _host.DisposeAsync();
        await _vehicle.DisposeAsync();
    }

    [Fact]
    public async Task Climate_VehicleSetPoint_ShownAndTapUpWritesHalfDegreeMore()
    {
        var screen = (await Client.OpenAsync("climate")).Screen;

        var response = await Client.TapAsync("climate.driver.up");

        Assert.Equal("22.0 °C", screen.Find("climate.driver.temperature")!.Text.En);
        Assert.Equal("22.5 °C", response.Screen.Find("climate.driver.temperature")!.Text.En);
        Assert.Equal(22.5f, _vehicle.Get(DriverTemperature)!.Float);
    }

    [Fact]
    public async Task Climate_TemperatureChangedInCar_ScreenFollows()
    {
        await Client.OpenAsync("climate");

        _vehicle.Set(DriverTemperature, new Value { Float = 25.5f });

        await Client.WaitForScreenAsync(s => s.Find("climate.driver.temperature")!.Text.Zh == "25.5 °C", "25.5 °C");
    }

    [Fact]
    public async Task Slide_FanSpeed_WritesUint8StepValue()
    {
        await Client.OpenAsync("climate");

        var response = await Client.SlideAsync("climate.fan", 47);

        Assert.Equal(50, response.Screen.Find("climate.fan")!.Value);
        Assert.Equal(50u, _vehicle.Get("Vehicle.Cabin.HVAC.Station.Row1.Driver.FanSpeed")!.Uint32);
    }

    [Fact]
    public async Task Slide_OutOfRange_InvalidArgumentAndNothingWritten()
    {
        await Client.OpenAsync("climate");

        var status = await HmiSteps.FailsAsync(() => Client.SlideAsync("climate.fan", 120));

        Assert.Equal(StatusCode.InvalidArgument, status.StatusCode);
        Assert.Contains("climate.fan", status.Detail, StringComparison.Ordinal);
        Assert.Empty(_vehicle.Writes);
    }

    [Fact]
    public async Task Tap_AcSwitch_WritesBoolAndShowsChecked()
    {
        await Client.OpenAsync("climate");

        var response = await Client.TapAsync("climate.ac");

        Assert.True(response.Screen.Find("climate.ac")!.Checked);
        Assert.True(_vehicle.Get("Vehicle.Cabin.HVAC.IsAirConditioningActive")!.Bool);
    }

    [Fact]
    public async Task Tap_VehicleRefuses_FailedPreconditionAndNothingChanged()
    {
        await Client.OpenAsync("climate");
        _vehicle.RefuseActuateWith = StatusCode.FailedPrecondition;
        var before = await Client.GetScreenAsync(new GetScreenRequest());

        var status = await HmiSteps.FailsAsync(() => Client.TapAsync("climate.driver.up"));

        Assert.Equal(StatusCode.FailedPrecondition, status.StatusCode);
        Assert.Contains("climate.driver.up", status.Detail, StringComparison.Ordinal);
        Assert.Equal(before, await Client.GetScreenAsync(new GetScreenRequest()));
        Assert.Equal(22f, _vehicle.Get(DriverTemperature)!.Float);
    }

    [Fact]
    public async Task Tap_Track_WritesMediaPlayAndPublishesTrack()
    {
        await Client.OpenAsync("media");

        await Client.TapAsync("media.library.qilixiang");

        Assert.Equal("PLAY", _vehicle.Get("Vehicle.Cabin.Infotainment.Media.Action")!.String);
        Assert.Equal("cockpit:track:qilixiang", _vehicle.Get("Vehicle.Cabin.Infotainment.Media.SelectedURI")!.String);
        Assert.Equal("七里香", _vehicle.Get("Vehicle.Cabin.Infotainment.Media.Played.Track")!.String);
        Assert.Equal("周杰伦", _vehicle.Get("Vehicle.Cabin.Infotainment.Media.Played.Artist")!.String);
    }

    [Fact]
    public async Task MediaStoppedInCar_HmiShowsPaused()
    {
        await Client.OpenAsync("media");
        await Client.TapAsync("media.library.qilixiang");
        await Client.WaitForScreenAsync(s => s.Find("media.pause") is not null, "the pause button");

        _vehicle.Set("Vehicle.Cabin.Infotainment.Media.Action", new Value { String = "STOP" });

        await Client.WaitForScreenAsync(s => s.Find("media.play") is not null, "the play button");
        Assert.False((await Client.StateAsync()).Flag("media.playing"));
    }

    [Fact]
    public async Task TrackSkippedInCar_HmiShowsNewTrack()
    {
        await Client.OpenAsync("media");
        await Client.TapAsync("media.library.qilixiang");

        _vehicle.Set("Vehicle.Cabin.Infotainment.Media.Played.Track", new Value { String = "Yellow" });

        await Client.WaitForScreenAsync(s => s.Find("media.now_playing")?.Text.En == "Yellow — Coldplay", "Yellow");
        Assert.Equal("Yellow", (await Client.StateAsync()).Text("media.track"));
    }

    [Fact]
    public async Task StartGuidance_Place_WritesDestinationCoordinates()
    {
        await Client.OpenAsync("navigation");
        await Client.TypeAsync("navigation.search", "Hongqiao Railway");
        await Client.TapAsync("navigation.places.hongqiao-station");

        await Client.TapAsync("navigation.place.start");

        Assert.Equal(31.1946, _vehicle.Get("Vehicle.Cabin.Infotainment.Navigation.DestinationSet.Latitude")!.Double, 4);
        Assert.Equal(121.3200, _vehicle.Get("Vehicle.Cabin.Infotainment.Navigation.DestinationSet.Longitude")!.Double, 4);
    }

    [Fact]
    public async Task VehicleStops_BindingsUnavailableAndHmiKeepsWorking()
    {
        await Client.OpenAsync("climate");

        await _vehicle.DisposeAsync();
        var screen = await Client.WaitForScreenAsync(s => !s.VehicleAvailable, "the vehicle gone");
        var status = await HmiSteps.FailsAsync(() => Client.TapAsync("climate.driver.up"));
        await Client.OpenAsync("media");
        await Client.TapAsync("media.play");

        Assert.True(screen.Find("climate.driver.temperature")!.Unavailable);
        Assert.False(screen.Find("climate.driver.up")!.Enabled);
        Assert.NotNull(screen.Find("climate.unavailable"));
        Assert.Equal(StatusCode.FailedPrecondition, status.StatusCode);
        Assert.Contains("unavailable", status.Detail, StringComparison.Ordinal);
        Assert.True((await Client.StateAsync()).Flag("media.playing"));
    }
}
