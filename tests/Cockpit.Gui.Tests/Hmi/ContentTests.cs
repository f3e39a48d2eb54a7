using Cockpit.Gui.Tests.Infrastructure;
using Cockpit.Hmi.V1;
using Grpc.Core;

namespace Cockpit.Gui.Tests.Hmi;

public sealed class ContentTests : IAsyncLifetime
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
    public async Task Tap_TrackInLibrary_PlaysTrack()
    {
        await Client.OpenAsync("media");

        var response = await Client.TapAsync("media.library.qilixiang");

        var state = await Client.StateAsync();
        Assert.True(state.Flag("media.playing"));
        Assert.Equal("七里香", state.Text("media.track"));
        Assert.Equal("七里香 — 周杰伦", response.Screen.Find("media.now_playing")!.Text.Zh);
        Assert.NotNull(response.Screen.Find("media.pause"));
    }

    [Fact]
    public async Task Type_ArtistThenTapFirstResult_PlaysTaylorSwift()
    {
        await Client.OpenAsync("media");

        var filtered = (await Client.TypeAsync("media.search", "taylor swift")).Screen;
        var first = filtered.Elements.First(e => e.ParentId == "media.library");
        await Client.TapAsync(first.Id);

        Assert.Equal(6, filtered.Find("media.library")!.ItemCount);
        Assert.Equal("Love Story", (await Client.StateAsync()).Text("media.track"));
    }

    [Fact]
    public async Task Tap_PauseAfterPlay_StopsMediaKeepsTrack()
    {
        await Client.OpenAsync("media");
        await Client.TapAsync("media.play");

        var response = await Client.TapAsync("media.pause");

        var state = await Client.StateAsync();
        Assert.False(state.Flag("media.playing"));
        Assert.Equal("七里香", state.Text("media.track"));
        Assert.NotNull(response.Screen.Find("media.play"));
    }

    [Fact]
    public async Task Tap_Next_PlaysFollowingTrack()
    {
        await Client.OpenAsync("media");
        await Client.TapAsync("media.library.qilixiang");

        await Client.TapAsync("media.next");

        Assert.Equal("晴天", (await Client.StateAsync()).Text("media.track"));
    }

    [Fact]
    public async Task StartGuidance_SearchedPlace_SetsDestination()
    {
        await Client.OpenAsync("navigation");
        await Client.TypeAsync("navigation.search", "虹桥火车站");

        var place = await Client.TapAsync("navigation.places.hongqiao-station");
        var guiding = await Client.TapAsync("navigation.place.start");

        Assert.Equal("navigation.place", place.Screen.Id);
        Assert.StartsWith("虹桥火车站", place.Screen.Find("navigation.place.name")!.Text.Zh, StringComparison.Ordinal);
        Assert.Equal("navigation", guiding.Screen.Id);
        Assert.Equal("正在导航至 虹桥火车站", guiding.Screen.Find("navigation.guidance")!.Text.Zh);
        Assert.Equal("虹桥火车站", (await Client.StateAsync()).Text("navigation.destination"));
    }

    [Fact]
    public async Task StartGuidance_NearestChargingStation_FirstChargingRowIsNearest()
    {
        await Client.OpenAsync("navigation");

        var screen = (await Client.TypeAsync("navigation.search", "charging")).Screen;
        await Client.TapAsync(screen.Elements.First(e => e.ParentId == "navigation.places").Id);
        await Client.TapAsync("navigation.place.start");

        Assert.Equal("特来电充电站（徐汇）", (await Client.StateAsync()).Text("navigation.destination"));
    }

    [Fact]
    public async Task StartGuidance_WhileGuiding_AsksFirstAndOkReplacesDestination()
    {
        await Client.ResetAsync(new ResetRequest { Given = { ["navigation.destination"] = new StateValue { StringValue = "外滩" } } });
        await Client.OpenAsync("navigation");
        await Client.TypeAsync("navigation.search", "浦东国际机场");
        await Client.TapAsync("navigation.places.pudong-airport");

        var dialog = await Client.TapAsync("navigation.place.start");
        var unchanged = (await Client.StateAsync()).Text("navigation.destination");
        await Client.TapAsync("navigation.confirm.ok");

        Assert.Equal("navigation.confirm", dialog.Screen.Id);
        Assert.Equal("外滩", unchanged);
        Assert.Equal("浦东国际机场", (await Client.StateAsync()).Text("navigation.destination"));
    }

    [Fact]
    public async Task Call_Contact_SetsPhoneContactAndHangUpClearsIt()
    {
        await Client.OpenAsync("phone");
        await Client.TapAsync("phone.contacts.mom");

        var calling = await Client.TapAsync("phone.contact.call");
        var during = (await Client.StateAsync()).Text("phone.contact");
        await Client.TapAsync("phone.call.hang_up");

        Assert.Equal("phone.call", calling.Screen.Id);
        Assert.Equal("Calling Mom", calling.Screen.Find("phone.call.status")!.Text.En);
        Assert.Equal("妈妈", during);
        Assert.Equal(string.Empty, (await Client.StateAsync()).Text("phone.contact"));
    }

    [Fact]
    public async Task Scroll_LongContactList_RevealsLaterContacts()
    {
        var screen = (await Client.OpenAsync("phone")).Screen;
        var list = screen.Find("phone.contacts")!;
        Assert.True(list.Scrollable);
        Assert.Null(screen.Find("phone.contacts.zhou-jie"));
        var offScreen = await HmiSteps.FailsAsync(() => Client.TapAsync("phone.contacts.zhou-jie"));

        var scrolls = 0;
        while (screen.Find("phone.contacts.zhou-jie") is null && scrolls++ < 10)
        {
            screen = (await Client.ScrollAsync("phone.contacts", ScrollDirection.Down)).Screen;
        }

        await Client.TapAsync("phone.contacts.zhou-jie");
        await Client.TapAsync("phone.contact.call");

        Assert.Equal(StatusCode.FailedPrecondition, offScreen.StatusCode);
        Assert.Contains("phone.contacts.zhou-jie", offScreen.Detail, StringComparison.Ordinal);
        Assert.Contains("scroll", offScreen.Detail, StringComparison.Ordinal);
        Assert.InRange(scrolls, 2, 5);
        Assert.Equal("周杰", (await Client.StateAsync()).Text("phone.contact"));
    }

    [Fact]
    public async Task Scroll_PastEndThenUp_StopsAtEndsAndReturnsToTop()
    {
        await Client.OpenAsync("media");
        ActResponse last;
        do
        {
            last = await Client.ScrollAsync("media.library", ScrollDirection.Down);
        }
        while (last.Changed);

        var list = last.Screen.Find("media.library")!;
        ActResponse top;
        do
        {
            top = await Client.ScrollAsync(string.Empty, ScrollDirection.Up);
        }
        while (top.Changed);

        Assert.Equal(list.ItemCount - 6, list.FirstVisible);
        Assert.Equal(6, last.Screen.Elements.Count(e => e.ParentId == "media.library"));
        Assert.Equal(0, top.Screen.Find("media.library")!.FirstVisible);
        Assert.NotNull(top.Screen.Find("media.library.qilixiang"));
    }

    [Fact]
    public async Task Reset_AfterChanges_DefaultsAgain()
    {
        await Client.OpenAsync("media");
        await Client.TapAsync("media.play");
        await Client.OpenAsync("settings");
        await Client.TapAsync("settings.menu.bluetooth");
        await Client.TapAsync("settings.bluetooth.switch");

        var state = await Client.ResetAsync(new ResetRequest());

        Assert.Equal("home", state.Text("app"));
        Assert.False(state.Flag("media.playing"));
        Assert.Equal(string.Empty, state.Text("media.track"));
        Assert.False(state.Flag("settings.bluetooth"));
        Assert.Equal("home", (await Client.GetScreenAsync(new GetScreenRequest())).Id);
    }

    [Fact]
    public async Task Reset_GivenKeys_Applied()
    {
        var state = await Client.ResetAsync(new ResetRequest
        {
            Given =
            {
                ["app"] = new StateValue { StringValue = "media" },
                ["settings.bluetooth"] = new StateValue { BoolValue = true },
                ["media.track"] = new StateValue { StringValue = "晴天" },
                ["media.playing"] = new StateValue { BoolValue = false },
            },
        });

        Assert.Equal("media", state.Text("app"));
        Assert.True(state.Flag("settings.bluetooth"));
        Assert.Equal("晴天", state.Text("media.track"));
        Assert.False(state.Flag("media.playing"));
    }
}
