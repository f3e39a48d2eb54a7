using Cockpit.Hmi.V1;
using Cockpit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cockpit.Agent.Tests.Screen;

/// <summary>Screen tasks carried out on the real HMI, bound to the real vehicle service.</summary>
public sealed class ScreenAgentTests(ScreenAgentHost host) : IClassFixture<ScreenAgentHost>
{
    private static readonly string[] s_taylorSwift = ["Love Story", "Shake It Off", "Blank Space", "Anti-Hero", "Cruel Summer", "You Belong with Me"];

    [Theory]
    [InlineData("media", "navigation", 1)]
    [InlineData("home", "settings", 1)]
    [InlineData("settings", "home", 1)]
    [InlineData("phone", "phone", 0)]
    public async Task RunAsync_OpenApp_AppInFront(string start, string app, int steps)
    {
        await host.ResetAsync(("app", start));

        var result = await host.Agent.RunAsync(ScreenAgentHost.Task("screen.open_app", app), $"打开{app}", "zh", default);

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal(steps, result.Steps);
        Assert.Equal(app, (await host.StateAsync()).Values["app"].StringValue);
    }

    [Theory]
    [InlineData("screen.bluetooth", "settings.bluetooth", "media", false, "true", 3)]
    [InlineData("screen.bluetooth", "settings.bluetooth", "home", false, "true", 3)]
    [InlineData("screen.bluetooth", "settings.bluetooth", "navigation", true, "false", 3)]
    [InlineData("screen.bluetooth", "settings.bluetooth", "settings", true, "true", 0)]
    [InlineData("screen.wifi", "settings.wifi", "phone", false, "true", 3)]
    [InlineData("screen.wifi", "settings.wifi", "climate", true, "false", 3)]
    public async Task RunAsync_Switch_FromVariousScreens_SwitchSetOnShortestPath(string function, string key, string start, bool before, string wanted, int steps)
    {
        await host.ResetAsync(("app", start), (key, before));

        var result = await host.Agent.RunAsync(ScreenAgentHost.Task(function, wanted), "打开蓝牙", "zh", default);

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal(steps, result.Steps);
        Assert.Equal(bool.Parse(wanted), (await host.StateAsync()).Values[key].BoolValue);
    }

    [Fact]
    public async Task RunAsync_BluetoothFromMedia_OpensSettingsThenBluetoothThenSwitch()
    {
        await host.ResetAsync(("app", "media"));

        var result = await host.Agent.RunAsync(ScreenAgentHost.Task("screen.bluetooth", "true"), "打开蓝牙", "zh", default);

        Assert.Equal(["open_app settings", "tap settings.menu.bluetooth", "tap settings.bluetooth.switch"], result.Actions);
    }

    [Theory]
    [InlineData("zh", "播放七里乡", "七里乡", "七里香")]                       // homophone slip
    [InlineData("zh", "播放月亮代表我的心", "月亮代表我的心", "月亮代表我的心")]  // last row: searched for
    [InlineData("zh", "放一首周杰伦的青花瓷", "周杰伦的青花瓷", "青花瓷")]
    [InlineData("en", "play shake it of", "shake it of", "Shake It Off")]     // misrecognised word
    [InlineData("en", "play Viva la Vida", "Viva la Vida", "Viva la Vida")]
    [InlineData("en", "play qing tian", "qing tian", "晴天")]
    public async Task RunAsync_PlayTrack_TrackPlaying(string language, string utterance, string query, string track)
    {
        await host.ResetAsync(("app", "navigation"));

        var result = await host.Agent.RunAsync(ScreenAgentHost.Task("screen.play", slot: "query", utterance: utterance, text: query), utterance, language, default);

        Assert.True(result.Succeeded, result.Reason);
        var state = await host.StateAsync();
        Assert.Equal(track, state.Values["media.track"].StringValue);
        Assert.True(state.Values["media.playing"].BoolValue);
    }

    [Theory]
    [InlineData("en", "play some Tayler Swift", "Tayler Swift")]
    [InlineData("zh", "我想听泰勒斯威夫特", "泰勒斯威夫特")]
    public async Task RunAsync_PlayArtist_OneOfTheirTracksPlaying(string language, string utterance, string query)
    {
        await host.ResetAsync();

        var result = await host.Agent.RunAsync(ScreenAgentHost.Task("screen.play", slot: "query", utterance: utterance, text: query), utterance, language, default);

        Assert.True(result.Succeeded, result.Reason);
        Assert.Contains((await host.StateAsync()).Values["media.track"].StringValue, s_taylorSwift);
    }

    [Theory]
    [InlineData("zh", "导航到虹桥火车占", "虹桥火车占", "虹桥火车站")]
    [InlineData("en", "take me to the nearest charging station", "the nearest charging station", "特来电充电站（徐汇）")]
    [InlineData("zh", "带我去最近的充电站", "最近的充电站", "特来电充电站（徐汇）")]
    [InlineData("en", "navigate to pudong airport", "pudong airport", "浦东国际机场")]
    public async Task RunAsync_Navigate_GuidanceToPlace(string language, string utterance, string place, string destination)
    {
        await host.ResetAsync(("app", "phone"));

        var result = await host.Agent.RunAsync(ScreenAgentHost.Task("screen.navigate", slot: "place", utterance: utterance, text: place), utterance, language, default);

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal(destination, (await host.StateAsync()).Values["navigation.destination"].StringValue);
    }

    [Fact]
    public async Task RunAsync_NavigateWhileGuiding_ConfirmsTheChange()
    {
        await host.ResetAsync(("navigation.destination", "外滩"));

        var result = await host.Agent.RunAsync(ScreenAgentHost.Task("screen.navigate", slot: "place", utterance: "导航到人民广场", text: "人民广场"), "导航到人民广场", "zh", default);

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal("tap navigation.confirm.ok", result.Actions[^1]);
        Assert.Equal("人民广场", (await host.StateAsync()).Values["navigation.destination"].StringValue);
    }

    [Theory]
    [InlineData("zh", "给妈妈打电话", "妈妈", "妈妈")]
    [InlineData("en", "call Alex", "Alex", "Alex")]
    [InlineData("en", "call Zhang Way", "Zhang Way", "张伟")]
    [InlineData("zh", "打给杨老师", "杨老师", "杨老师")]
    [InlineData("zh", "呼叫周杰", "周杰", "周杰")]
    public async Task RunAsync_Call_ContactInCall(string language, string utterance, string contact, string expected)
    {
        await host.ResetAsync(("app", "media"));

        var result = await host.Agent.RunAsync(ScreenAgentHost.Task("screen.call", slot: "contact", utterance: utterance, text: contact), utterance, language, default);

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal(expected, (await host.StateAsync()).Values["phone.contact"].StringValue);
    }

    [Theory]
    [InlineData("zh", "给张三打电话", "张三", "通讯录里没有找到张三")]
    [InlineData("en", "call Bob", "Bob", "I couldn't find a contact named Bob")]
    public async Task RunAsync_NoSuchContact_RefusedSayingWhyWithoutActing(string language, string utterance, string contact, string reason)
    {
        await host.ResetAsync(("app", "media"));

        var result = await host.Agent.RunAsync(ScreenAgentHost.Task("screen.call", slot: "contact", utterance: utterance, text: contact), utterance, language, default);

        Assert.False(result.Succeeded);
        Assert.Equal(reason, result.Reason);
        Assert.Equal(0, result.Steps);
        Assert.Equal("media", (await host.StateAsync()).Values["app"].StringValue);
    }

    [Fact]
    public async Task RunAsync_NoSuchSong_RefusedSayingWhy()
    {
        await host.ResetAsync();

        var result = await host.Agent.RunAsync(ScreenAgentHost.Task("screen.play", slot: "query", utterance: "播放两只老虎", text: "两只老虎"), "播放两只老虎", "zh", default);

        Assert.False(result.Succeeded);
        Assert.Equal("曲库里没有找到两只老虎", result.Reason);
    }

    [Fact]
    public async Task RunAsync_TapOk_ConfirmDialogConfirmed()
    {
        await host.ResetAsync(("navigation.destination", "外滩"));
        await host.Hmi.ActAsync(new ActRequest { OpenApp = new OpenApp { App = "navigation" } });
        await host.Hmi.ActAsync(new ActRequest { Tap = new Tap { ElementId = "navigation.places.xujiahui" } });
        await host.Hmi.ActAsync(new ActRequest { Tap = new Tap { ElementId = "navigation.place.start" } });

        var result = await host.Agent.RunAsync(ScreenAgentHost.Task("screen.tap", slot: "target", utterance: "点确定", text: "确定"), "点确定", "zh", default);

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal(["tap navigation.confirm.ok"], result.Actions);
        Assert.Equal("徐家汇", (await host.StateAsync()).Values["navigation.destination"].StringValue);
    }

    [Theory]
    [InlineData("zh", "点第二个", "第二个", "爸爸")]
    [InlineData("en", "tap the second result", "the second result", "Dad")]
    [InlineData("zh", "点第2个", "第2个", "爸爸")]
    [InlineData("en", "tap the 2nd one", "the 2nd one", "Dad")]
    [InlineData("en", "tap number 2", "number 2", "Dad")]
    public async Task RunAsync_TapSecondResult_SecondRowOpened(string language, string utterance, string target, string shown)
    {
        await host.ResetAsync(("app", "phone"));

        var result = await host.Agent.RunAsync(ScreenAgentHost.Task("screen.tap", slot: "target", utterance: utterance, text: target), utterance, language, default);

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal(["tap phone.contacts.dad"], result.Actions);
        var screen = await host.Hmi.GetScreenAsync(new GetScreenRequest());
        Assert.Equal("phone.contact", screen.Id);
        Assert.Contains(screen.Elements, e => e.Text.En == shown || e.Text.Zh == shown);
    }

    [Fact]
    public async Task RunAsync_TapSomethingNotShown_RefusedSayingWhy()
    {
        await host.ResetAsync(("app", "settings"));

        var result = await host.Agent.RunAsync(ScreenAgentHost.Task("screen.tap", slot: "target", utterance: "tap the rocket launcher", text: "the rocket launcher"), "tap the rocket launcher", "en", default);

        Assert.False(result.Succeeded);
        Assert.Equal("I can't see \"the rocket launcher\" on the screen", result.Reason);
        Assert.Equal(0, result.Steps);
    }

    [Fact]
    public async Task RunAsync_GoBack_PreviousScreen()
    {
        await host.ResetAsync(("app", "settings"));
        await host.Hmi.ActAsync(new ActRequest { Tap = new Tap { ElementId = "settings.menu.wifi" } });

        var result = await host.Agent.RunAsync(ScreenAgentHost.Task("screen.back"), "返回", "zh", default);

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal("settings", (await host.StateAsync()).ScreenId);
    }

    [Fact]
    public async Task RunAsync_StepBudgetRunsOut_FailsSayingWhy()
    {
        await using var services = host.CreateAgentServices(options => options.MaxSteps = 2);
        var agent = services.GetRequiredService<Cockpit.Agent.Screen.ScreenAgent>();
        await agent.PrepareAsync(default);
        await host.ResetAsync(("app", "media"));

        var result = await agent.RunAsync(ScreenAgentHost.Task("screen.bluetooth", "true"), "打开蓝牙", "zh", default);

        Assert.False(result.Succeeded);
        Assert.Equal(2, result.Steps);
        Assert.Equal("2步之内没能完成", result.Reason);
        Assert.False((await host.StateAsync()).Values["settings.bluetooth"].BoolValue);
    }

    /// <summary>An HMI that refuses the agent, or is not there, fails the task with the reason; nothing is thrown.</summary>
    [Theory]
    [InlineData(false, "en", "The car's systems refused my credentials (invalid or expired), so nothing was changed.")]
    [InlineData(true, "zh", "现在无法操作屏幕")]
    public async Task RunAsync_HmiRefusesOrIsAway_FailsAsUnreachableSayingWhy(bool away, string language, string reason)
    {
        var address = away ? new Uri($"http://127.0.0.1:{FreePort()}") : host.HmiAddress;
        await using var services = host.CreateAgentServices(_ => { }, s => s.AddSingleton(new Cockpit.Hmi.V1.Hmi.HmiClient(
            GrpcChannels.ForAddress(address, token: null))));
        var agent = services.GetRequiredService<Cockpit.Agent.Screen.ScreenAgent>();

        var result = await agent.RunAsync(ScreenAgentHost.Task("screen.bluetooth", "true"), "turn on bluetooth", language, default);

        Assert.False(result.Succeeded);
        Assert.True(result.Unreachable);
        Assert.Equal(reason, result.Reason);
    }

    [Fact]
    public async Task PrepareAsync_Explored_MapHasShortestPathAndEffects()
    {
        var map = host.Agent.Map!;

        var path = map.PathBetween("media", "settings.bluetooth");

        Assert.Equal(["open_app settings", "tap settings.menu.bluetooth"], path!.Select(a => a.ToString()));
        Assert.Contains(map.Effects, e => e.Key == "settings.bluetooth" && e.ElementId == "settings.bluetooth.switch");
        Assert.Contains(map.Effects, e => e.Key == "phone.contact" && e.ElementId == "phone.contact.call");
        Assert.Equal(31, map.FindList("media.library")!.Rows.Count);
        Assert.Empty(host.Logs.Errors);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
