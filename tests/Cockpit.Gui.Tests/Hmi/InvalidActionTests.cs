using Cockpit.Gui.Tests.Infrastructure;
using Cockpit.Hmi.V1;
using Grpc.Core;

namespace Cockpit.Gui.Tests.Hmi;

/// <summary>Every refused action: its status, a message naming the element, and nothing changed.</summary>
public sealed class InvalidActionTests : IAsyncLifetime
{
    private GuiHost _host = null!;

    private Cockpit.Hmi.V1.Hmi.HmiClient Client => _host.Client;

    public static TheoryData<string, string, ActRequest, StatusCode, string> Cases => new()
    {
        { "unknown element", "home", new ActRequest { Tap = new Tap { ElementId = "home.app.radio" } }, StatusCode.NotFound, "home.app.radio" },
        { "element of another screen", "home", new ActRequest { Tap = new Tap { ElementId = "media.play" } }, StatusCode.NotFound, "media.play" },
        { "element hidden by state", "media", new ActRequest { Tap = new Tap { ElementId = "media.pause" } }, StatusCode.NotFound, "media.pause" },
        { "disabled button", "media", new ActRequest { Tap = new Tap { ElementId = "media.next" } }, StatusCode.FailedPrecondition, "media.next" },
        { "disabled list item", "settings.bluetooth", new ActRequest { Tap = new Tap { ElementId = "settings.bluetooth.devices.airpods" } }, StatusCode.FailedPrecondition, "settings.bluetooth" },
        { "car-bound button without a car", "climate", new ActRequest { Tap = new Tap { ElementId = "climate.driver.up" } }, StatusCode.FailedPrecondition, "unavailable" },
        { "row outside the viewport", "media", new ActRequest { Tap = new Tap { ElementId = "media.library.yueliang" } }, StatusCode.FailedPrecondition, "media.library.yueliang" },
        { "type into a label", "climate", new ActRequest { Type = new TypeText { ElementId = "climate.driver.label", Text = "x" } }, StatusCode.InvalidArgument, "climate.driver.label" },
        { "type into a button", "media", new ActRequest { Type = new TypeText { ElementId = "media.play", Text = "x" } }, StatusCode.InvalidArgument, "media.play" },
        { "scroll a switch", "settings.wifi", new ActRequest { Scroll = new Scroll { ElementId = "settings.wifi.switch", Direction = ScrollDirection.Down } }, StatusCode.InvalidArgument, "settings.wifi.switch" },
        { "scroll without direction", "media", new ActRequest { Scroll = new Scroll { ElementId = "media.library" } }, StatusCode.InvalidArgument, "media.library" },
        { "scroll a screen without lists", "home", new ActRequest { Scroll = new Scroll { Direction = ScrollDirection.Down } }, StatusCode.InvalidArgument, "home" },
        { "slide a button", "media", new ActRequest { Slide = new Slide { ElementId = "media.play", Value = 1 } }, StatusCode.InvalidArgument, "media.play" },
        { "tap without element id", "home", new ActRequest { Tap = new Tap() }, StatusCode.InvalidArgument, "element id" },
        { "unknown app", "home", new ActRequest { OpenApp = new OpenApp { App = "radio" } }, StatusCode.InvalidArgument, "radio" },
        { "no action", "home", new ActRequest(), StatusCode.InvalidArgument, "no action" },
    };

    public async Task InitializeAsync() => _host = await GuiHost.StartAsync();

    public async Task DisposeAsync()
    {
        Assert.Empty(_host.Logs.Errors);
        await _host.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Act_InvalidAction_ClearErrorAndNothingChanged(string why, string screen, ActRequest request, StatusCode code, string named)
    {
        await GoToAsync(screen);
        var screenBefore = await Client.GetScreenAsync(new GetScreenRequest());
        var stateBefore = await Client.StateAsync();

        var status = await HmiSteps.FailsAsync(() => Client.ActAsync(request).ResponseAsync);

        Assert.True(code == status.StatusCode, $"{why}: expected {code}, got {status.StatusCode} ({status.Detail})");
        Assert.Contains(named, status.Detail, StringComparison.Ordinal);
        Assert.Equal(screenBefore, await Client.GetScreenAsync(new GetScreenRequest()));
        Assert.Equal(stateBefore, await Client.StateAsync());
    }

    [Theory]
    [InlineData("media.track", "不存在的歌", StatusCode.NotFound)]
    [InlineData("phone.contact", "Nobody", StatusCode.NotFound)]
    [InlineData("radio.station", "FM 101", StatusCode.InvalidArgument)]
    [InlineData("app", "radio", StatusCode.InvalidArgument)]
    public async Task Reset_BadGivenKey_ErrorAndNothingChanged(string key, string value, StatusCode code)
    {
        await Client.OpenAsync("media");
        var before = await Client.StateAsync();

        var status = await HmiSteps.FailsAsync(() =>
            Client.ResetAsync(new ResetRequest { Given = { [key] = new StateValue { StringValue = value } } }).ResponseAsync);

        Assert.Equal(code, status.StatusCode);
        Assert.Contains(key == "radio.station" ? key : value, status.Detail, StringComparison.Ordinal);
        Assert.Equal(before, await Client.StateAsync());
    }

    private async Task GoToAsync(string screen)
    {
        switch (screen)
        {
            case "settings.bluetooth" or "settings.wifi":
                await Client.OpenAsync("settings");
                await Client.TapAsync(screen == "settings.wifi" ? "settings.menu.wifi" : "settings.menu.bluetooth");
                break;
            default:
                await Client.OpenAsync(screen);
                break;
        }
    }
}
