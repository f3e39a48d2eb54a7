using Cockpit.Gui.Tests.Infrastructure;
using Cockpit.Hmi.V1;
using Cockpit.Testing;
using Cockpit.Vehicle.V1;
using Grpc.Core;
using Kuksa.Val.V2;

namespace Cockpit.Gui.Tests.Hmi;

/// <summary>Screens bound to the car, against the real vehicle service (its catalog, validation and ECUs).</summary>
public sealed class VehicleBindingTests : IAsyncLifetime
{
    private const string DriverTemperature = "Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature";
    private const string FanSpeed = "Vehicle.Cabin.HVAC.Station.Row1.Driver.FanSpeed";
    private const string MediaAction = "Vehicle.Cabin.Infotainment.Media.Action";

    private VehicleServiceHost _vehicle = null!;
    private GuiHost _host = null!;
    private string? _screensFile;

    private Cockpit.Hmi.V1.Hmi.HmiClient Client => _host.Client;

    public async Task InitializeAsync()
    {
        _vehicle = await VehicleServiceHost.StartAsync();
        await StartHmiAsync();
    }

    public async Task DisposeAsync()
    {
        Assert.Empty(_host.Logs.Errors);
        Assert.Empty(_vehicle.Logs.Errors);
        await _host.DisposeAsync();
        await _vehicle.DisposeAsync();
        if (_screensFile is not null)
        {
            File.Delete(_screensFile);
        }
    }

    [Fact]
    public async Task Climate_VehicleSetPoint_ShownAndTapUpWritesHalfDegreeMore()
    {
        var screen = (await Client.OpenAsync("climate")).Screen;

        var response = await Client.TapAsync("climate.driver.up");

        Assert.Equal("22.0 °C", screen.Find("climate.driver.temperature")!.Text.En);
        Assert.Equal("22.5 °C", response.Screen.Find("climate.driver.temperature")!.Text.En);
        Assert.Equal(22.5f, (await CarValueAsync(DriverTemperature)).Float);
    }

    [Fact]
    public async Task Climate_TemperatureChangedInCar_ScreenFollows()
    {
        await Client.OpenAsync("climate");

        await ActuateInCarAsync(DriverTemperature, Wire.Float(25.5f));

        await Client.WaitForScreenAsync(s => s.Find("climate.driver.temperature")!.Text.Zh == "25.5 °C", "25.5 °C");
    }

    [Fact]
    public async Task Slide_FanSpeed_WritesUint8StepValue()
    {
        await Client.OpenAsync("climate");

        var response = await Client.SlideAsync("climate.fan", 47);

        Assert.Equal(50, response.Screen.Find("climate.fan")!.Value);
        Assert.Equal(50u, (await CarValueAsync(FanSpeed)).Uint32);
    }

    [Fact]
    public async Task Slide_OutOfRange_InvalidArgumentAndNothingWritten()
    {
        await Client.OpenAsync("climate");

        var status = await HmiSteps.FailsAsync(() => Client.SlideAsync("climate.fan", 120));

        Assert.Equal(StatusCode.InvalidArgument, status.StatusCode);
        Assert.Contains("climate.fan", status.Detail, StringComparison.Ordinal);
        Assert.Equal(30u, (await CarValueAsync(FanSpeed)).Uint32);
    }

    [Fact]
    public async Task Tap_AcSwitch_WritesBoolAndShowsChecked()
    {
        await Client.OpenAsync("climate");

        var response = await Client.TapAsync("climate.ac");

        Assert.True(response.Screen.Find("climate.ac")!.Checked);
        Assert.True((await CarValueAsync("Vehicle.Cabin.HVAC.IsAirConditioningActive")).Bool);
    }

    [Fact]
    public async Task Tap_VehicleRefuses_FailedPreconditionAndNothingChanged()
    {
        // A screen that allows more than the car: the vehicle service's own range check (16–32 °C) refuses.
        await RestartHmiWithAsync(screens => screens.Replace(
            "\"id\": \"climate.driver.up\", \"role\": \"button\", \"text\": { \"zh\": \"主驾升温\", \"en\": \"Driver warmer\" }, \"bounds\": [230, 260, 150, 80], \"vss\": { \"path\": \"Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature\", \"type\": \"float\" }, \"min\": 16, \"max\": 32",
            "\"id\": \"climate.driver.up\", \"role\": \"button\", \"text\": { \"zh\": \"主驾升温\", \"en\": \"Driver warmer\" }, \"bounds\": [230, 260, 150, 80], \"vss\": { \"path\": \"Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature\", \"type\": \"float\" }, \"min\": 16, \"max\": 40",
            StringComparison.Ordinal));
        await ActuateInCarAsync(DriverTemperature, Wire.Float(32f));
        await Client.OpenAsync("climate");
        var before = await Client.WaitForScreenAsync(s => s.Find("climate.driver.temperature")!.Text.En == "32.0 °C", "32.0 °C");

        var status = await HmiSteps.FailsAsync(() => Client.TapAsync("climate.driver.up"));

        Assert.Equal(StatusCode.FailedPrecondition, status.StatusCode);
        Assert.Contains("climate.driver.up", status.Detail, StringComparison.Ordinal);
        Assert.Equal(before, await Client.GetScreenAsync(new GetScreenRequest()));
        Assert.Equal(32f, (await CarValueAsync(DriverTemperature)).Float);
    }

    [Fact]
    public async Task Tap_Track_PublishesTrackAndArtist()
    {
        await Client.OpenAsync("media");

        await Client.TapAsync("media.library.qilixiang");

        Assert.Equal("七里香", (await CarValueAsync("Vehicle.Cabin.Infotainment.Media.Played.Track")).String);
        Assert.Equal("周杰伦", (await CarValueAsync("Vehicle.Cabin.Infotainment.Media.Played.Artist")).String);
    }

    [Fact]
    public async Task Tap_Track_WritesSelectedUriAndMediaPlay()
    {
        await Client.OpenAsync("media");

        await Client.TapAsync("media.library.qilixiang");

        Assert.Equal("cockpit:track:qilixiang", (await CarValueAsync("Vehicle.Cabin.Infotainment.Media.SelectedURI")).String);
        Assert.Equal("PLAY", (await CarValueAsync(MediaAction)).String);
    }

    [Fact]
    public async Task MediaPlayedThenStoppedInCar_HmiFollows()
    {
        await Client.OpenAsync("media");

        await ActuateInCarAsync(MediaAction, Wire.String("PLAY"));
        await Client.WaitForScreenAsync(s => s.Find("media.pause") is not null, "the pause button");
        await ActuateInCarAsync(MediaAction, Wire.String("STOP"));

        await Client.WaitForScreenAsync(s => s.Find("media.play") is not null, "the play button");
        Assert.False((await Client.StateAsync()).Flag("media.playing"));
    }

    [Fact]
    public async Task TrackSkippedInCar_HmiShowsNewTrack()
    {
        await Client.OpenAsync("media");
        await Client.TapAsync("media.library.qilixiang");

        await _vehicle.Val.PublishValueAsync(new PublishValueRequest
        {
            SignalId = Wire.Path("Vehicle.Cabin.Infotainment.Media.Played.Track"),
            DataPoint = new Datapoint { Value = Wire.String("Yellow") },
        });

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

        Assert.Equal(31.1946, (await CarValueAsync("Vehicle.Cabin.Infotainment.Navigation.DestinationSet.Latitude")).Double, 4);
        Assert.Equal(121.3200, (await CarValueAsync("Vehicle.Cabin.Infotainment.Navigation.DestinationSet.Longitude")).Double, 4);
    }

    [Fact]
    public async Task VehicleStops_BindingsUnavailableAndHmiKeepsWorking()
    {
        await Client.OpenAsync("climate");

        await _vehicle.StopAsync();
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

    private async Task StartHmiAsync(string? screensFile = null)
    {
        _host = await GuiHost.StartAsync(_vehicle.Address.ToString(), options => options.ScreensFile = screensFile ?? "");
        await Client.WaitForScreenAsync(s => s.VehicleAvailable, "the vehicle connected");
    }

    private async Task RestartHmiWithAsync(Func<string, string> edit)
    {
        var source = Path.Combine(RepoRoot(), "src", "Cockpit.Gui", "Screens", "screens.json");
        var edited = edit(await File.ReadAllTextAsync(source));
        Assert.NotEqual(await File.ReadAllTextAsync(source), edited);
        _screensFile = Path.Combine(Path.GetTempPath(), $"cockpit-screens-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(_screensFile, edited);
        await _host.DisposeAsync();
        await StartHmiAsync(_screensFile);
    }

    /// <summary>What the car holds now, after its ECUs have settled.</summary>
    private async Task<Value> CarValueAsync(string path)
    {
        await _vehicle.Simulation.SettleAsync(new SettleRequest());
        return (await _vehicle.Val.GetValueAsync(new GetValueRequest { SignalId = Wire.Path(path) })).DataPoint.Value;
    }

    /// <summary>Changes an actuator as another client of the car would.</summary>
    private async Task ActuateInCarAsync(string path, Value value)
    {
        await _vehicle.Val.ActuateAsync(Wire.Actuate(path, value));
        await _vehicle.Simulation.SettleAsync(new SettleRequest());
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Cockpit.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Cockpit.sln not found above " + AppContext.BaseDirectory);
    }
}
