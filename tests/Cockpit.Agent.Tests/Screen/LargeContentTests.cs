using Cockpit.Gui;

namespace Cockpit.Agent.Tests.Screen;

/// <summary>The HMI with 10,000 more tracks, 5,000 more places and 500 more contacts, generated (seed 1).</summary>
public sealed class LargeContentHost : ScreenAgentHost
{
    protected override void ConfigureGui(GuiOptions options)
    {
        options.GeneratedTracks = 10_000;
        options.GeneratedPlaces = 5_000;
        options.GeneratedContacts = 500;
    }
}

/// <summary>
/// Screen tasks on content at a real head unit's scale: rows deep in a list are found, through recognition slips, and
/// a name the content lacks is still refused without acting. The expected names are rows of the generated content
/// (seed 1), read off the HMI once and written here.
/// </summary>
public sealed class LargeContentTests(LargeContentHost host) : IClassFixture<LargeContentHost>
{
    [Fact]
    public void PrepareAsync_LargeContent_ListsReadToTheEnd()
    {
        var map = host.Agent.Map!;

        Assert.Equal(10_031, map.FindList("media.library")!.Rows.Count);
        Assert.Equal(5_021, map.FindList("navigation.places")!.Rows.Count);
        Assert.Equal(520, map.FindList("phone.contacts")!.Rows.Count);
        Assert.All(map.Lists, list => Assert.True(list.Complete, list.Id));
    }

    [Theory]
    [InlineData("screen.play", "query", "zh", "播放窗外咖啡山古", "窗外咖啡山古", "media.track", "窗外咖啡山谷")]     // row 9,001; 古 for 谷
    [InlineData("screen.play", "query", "zh", "放一首吉它银河", "吉它银河", "media.track", "吉他银河")]              // row 9,501; 它 for 他
    [InlineData("screen.play", "query", "en", "play chuang wai zi you", "chuang wai zi you", "media.track", "窗外自由")] // row 4,801, in pinyin
    [InlineData("screen.navigate", "place", "zh", "导航到杨浦曹西充电站", "杨浦曹西充电站", "navigation.destination", "杨浦曹溪充电站")]
    [InlineData("screen.navigate", "place", "en", "navigate to Jinshan Xincheng Charging Station", "Jinshan Xincheng Charging Station", "navigation.destination", "金山新城充电站")]
    [InlineData("screen.call", "contact", "en", "call Song Haoran", "Song Haoran", "phone.contact", "宋浩然")]
    public async Task RunAsync_NameDeepInALargeList_Grounded(string function, string slot, string language, string utterance, string said, string key, string expected)
    {
        await host.ResetAsync(("app", "home"));

        var result = await host.Agent.RunAsync(ScreenAgentHost.Task(function, slot: slot, utterance: utterance, text: said), utterance, language, default);

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal(expected, (await host.StateAsync()).Values[key].StringValue);
    }

    [Theory]
    [InlineData("zh", "播放两只老虎", "两只老虎", "曲库里没有找到两只老虎")]
    [InlineData("en", "play Purple Rain", "Purple Rain", "I couldn't find Purple Rain in the music library")]
    public async Task RunAsync_TrackTheLargeLibraryLacks_RefusedWithoutActing(string language, string utterance, string said, string reason)
    {
        await host.ResetAsync(("app", "home"));

        var result = await host.Agent.RunAsync(ScreenAgentHost.Task("screen.play", slot: "query", utterance: utterance, text: said), utterance, language, default);

        Assert.False(result.Succeeded);
        Assert.Equal(reason, result.Reason);
        Assert.Equal(0, result.Steps);
        Assert.Equal("", (await host.StateAsync()).Values["media.track"].StringValue);
    }
}
