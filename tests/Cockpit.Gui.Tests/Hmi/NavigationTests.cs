using Cockpit.Gui.Tests.Infrastructure;
using Cockpit.Hmi.V1;

namespace Cockpit.Gui.Tests.Hmi;

public sealed class NavigationTests : IAsyncLifetime
{
    private GuiHost _host = null!;

    private Cockpit.Hmi.V1.Hmi.HmiClient Client => _host.Client;

    public async Task InitializeAsync() => _host = await GuiHost.StartAsync();

    public async Task DisposeAsync()
    {
        Assert.Empty(_host.Logs.Errors);
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task GetState_Start_DocumentedDefaults()
    {
        var state = await Client.StateAsync();

        Assert.Equal("home", state.Text("app"));
        Assert.False(state.Flag("settings.bluetooth"));
        Assert.False(state.Flag("settings.wifi"));
        Assert.False(state.Flag("media.playing"));
        Assert.Equal(string.Empty, state.Text("media.track"));
        Assert.Equal(string.Empty, state.Text("navigation.destination"));
        Assert.Equal(string.Empty, state.Text("phone.contact"));
    }

    [Theory]
    [InlineData("climate")]
    [InlineData("media")]
    [InlineData("navigation")]
    [InlineData("phone")]
    [InlineData("settings")]
    [InlineData("vehicle")]
    [InlineData("home")]
    public async Task OpenApp_KnownApp_AppInFront(string app)
    {
        var response = await Client.OpenAsync(app);

        Assert.Equal(app, response.Screen.App);
        Assert.Equal(app, (await Client.StateAsync()).Text("app"));
        Assert.All(response.Screen.Elements, e => Assert.False(string.IsNullOrEmpty(e.Text.Zh) && string.IsNullOrEmpty(e.Text.En) && e.Role != Role.List, e.Id));
    }

    [Fact]
    public async Task Tap_HomeTile_OpensAppAndBackReturnsHome()
    {
        var opened = await Client.TapAsync("home.app.settings");
        var back = await Client.ActAsync(new ActRequest { Back = new Back() });

        Assert.Equal("settings", opened.Screen.Id);
        Assert.True(opened.Changed);
        Assert.Equal("home", back.Screen.Id);
    }

    [Fact]
    public async Task Back_OnHome_ChangesNothing()
    {
        var before = await Client.GetScreenAsync(new GetScreenRequest());

        var response = await Client.ActAsync(new ActRequest { Back = new Back() });

        Assert.False(response.Changed);
        Assert.Equal("home", response.Screen.Id);
        Assert.Equal(before.Version, response.Screen.Version);
    }

    [Fact]
    public async Task Home_FromSettingsSubScreen_HomeScreenAndEmptyBackStack()
    {
        await Client.OpenAsync("settings");
        await Client.TapAsync("settings.menu.bluetooth");

        var home = await Client.ActAsync(new ActRequest { Home = new Home() });
        var back = await Client.ActAsync(new ActRequest { Back = new Back() });

        Assert.Equal("home", home.Screen.Id);
        Assert.False(back.Changed);
    }

    [Fact]
    public async Task Tap_BluetoothSwitch_TurnsBluetoothOnAndEnablesDevices()
    {
        await Client.OpenAsync("settings");
        var screen = (await Client.TapAsync("settings.menu.bluetooth")).Screen;
        Assert.False(screen.Find("settings.bluetooth.switch")!.Checked);
        Assert.False(screen.Find("settings.bluetooth.devices")!.Enabled);

        var response = await Client.TapAsync("settings.bluetooth.switch");

        Assert.True(response.Screen.Find("settings.bluetooth.switch")!.Checked);
        Assert.True(response.Screen.Find("settings.bluetooth.devices.my-phone")!.Enabled);
        Assert.True((await Client.StateAsync()).Flag("settings.bluetooth"));
    }

    [Fact]
    public async Task Tap_WifiSwitchTwice_WifiOffAgain()
    {
        await Client.OpenAsync("settings");
        await Client.TapAsync("settings.menu.wifi");

        await Client.TapAsync("settings.wifi.switch");
        var on = (await Client.StateAsync()).Flag("settings.wifi");
        await Client.TapAsync("settings.wifi.switch");
        var off = (await Client.StateAsync()).Flag("settings.wifi");

        Assert.True(on);
        Assert.False(off);
    }

    [Fact]
    public async Task Tap_Label_ValidButNothingChanges()
    {
        await Client.OpenAsync("climate");

        var response = await Client.TapAsync("climate.driver.label");

        Assert.False(response.Changed);
        Assert.Equal("climate", response.Screen.Id);
    }

    [Fact]
    public async Task WatchScreen_AfterAction_StreamsNewScreen()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var watch = Client.WatchScreen(new WatchScreenRequest(), cancellationToken: cancel.Token);
        Assert.True(await watch.ResponseStream.MoveNext(cancel.Token));
        Assert.Equal("home", watch.ResponseStream.Current.Id);

        await Client.OpenAsync("phone");

        Assert.True(await watch.ResponseStream.MoveNext(cancel.Token));
        Assert.Equal("phone", watch.ResponseStream.Current.Id);
    }
}
