using Cockpit.Console.Tests.Infrastructure;
using Cockpit.Gui.Tests.Infrastructure;
using Cockpit.Vehicle.V1;

namespace Cockpit.Console.Tests.Web;

/// <summary>The console's page in a real headless browser, against the real services: what a person sees and does.</summary>
[Collection(EmbeddedConsoleGroup.Name)]
public sealed class ConsolePageTests(EmbeddedConsole console) : IAsyncLifetime
{
    private const int Width = 1600;
    private const int Height = 1100;
    private const string SunroofSwitch = "[data-path=\"Vehicle.Cabin.Sunroof.Switch\"]";
    private const string SunroofPosition = "[data-path=\"Vehicle.Cabin.Sunroof.Position\"]";
    private const string Notice = "document.getElementById('notice').textContent";

    public Task InitializeAsync() => console.ResetAsync();

    public async Task DisposeAsync()
    {
        await console.ResetAsync();
        console.AssertNoErrorsLogged();
    }

    private string Address => new Uri(console.ConsoleAddress, $"/console/?token={console.PageToken}").ToString();

    [Fact]
    public async Task Page_ChineseThenEnglish_ScreenshotsRenderAndChineseHasGlyphs()
    {
        await using var browser = await HeadlessBrowser.LaunchAsync(Width, Height);
        await browser.NavigateAsync(Address);
        await WaitLiveAsync(browser);
        var zhFile = Path.Combine(ScreenshotFolder(), "console-zh.png");
        var enFile = Path.Combine(ScreenshotFolder(), "console-en.png");

        var zh = Png.Read(await browser.ScreenshotAsync(zhFile));
        var zhTitle = (await browser.EvaluateAsync("document.querySelector('h1').textContent")).GetString();
        var glyphs = await TilesDifferAsync(browser);
        await browser.ClickAsync("#language");
        await browser.WaitForAsync("document.documentElement.lang === 'en' && document.querySelector('#display [data-id=\"home.app.climate\"]').textContent === 'Climate'");
        var en = Png.Read(await browser.ScreenshotAsync(enFile));
        var enTitle = (await browser.EvaluateAsync("document.querySelector('h1').textContent")).GetString();

        AssertRendered(zh, zhFile);
        AssertRendered(en, enFile);
        Assert.Equal(("Cockpit 控制台", "Cockpit console"), (zhTitle, enTitle));
        Assert.True(glyphs is null, $"{glyphs} ({zhFile}); install a CJK font: apt-get install -y fonts-noto-cjk");
    }

    [Fact]
    public async Task GlyphProbe_OnlyLatinFonts_DetectsEmptyBoxes()
    {
        // The probe must catch the failure it exists for: fontconfig limited to DejaVu has no Chinese glyphs.
        var folder = ScreenshotFolder();
        var config = Path.Combine(folder, "latin-only-fonts.conf");
        await File.WriteAllTextAsync(config, $"""
            <?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">
            <fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>{Path.Combine(folder, "fontcache")}</cachedir></fontconfig>
            """);
        await using var browser = await HeadlessBrowser.LaunchAsync(Width, Height, fontconfigFile: config);
        await browser.NavigateAsync(Address);
        await WaitLiveAsync(browser);

        var failure = await TilesDifferAsync(browser);

        Assert.NotNull(failure);
    }

    [Fact]
    public async Task TextBox_TypedRequestSent_CarPanelAndConversationShowIt()
    {
        await using var browser = await HeadlessBrowser.LaunchAsync(Width, Height);
        await browser.NavigateAsync(Address);
        await WaitLiveAsync(browser);
        await browser.WaitForAsync($"document.querySelector('{SunroofSwitch}').dataset.value === 'INACTIVE'");
        var before = (await browser.EvaluateAsync($"document.querySelector('{SunroofPosition}').textContent")).GetString();

        await browser.ClickAsync("#text");
        await browser.TypeAsync("打开天窗");
        await browser.ClickAsync("#send");
        var command = await browser.WaitForAsync($"(e => e.dataset.value === 'OPEN' ? e.textContent : null)(document.querySelector('{SunroofSwitch}'))", Notice);
        var utterance = await browser.WaitForAsync("document.querySelector('#turns li.turn .utterance')?.textContent", Notice);
        var outcome = await browser.WaitForAsync("document.querySelector('#turns li.turn')?.dataset.outcome");
        var reply = await browser.WaitForAsync("document.querySelector('#turns li.turn .reply')?.textContent");
        await console.Simulation.SettleAsync(new SettleRequest());
        var after = await browser.WaitForAsync($"(e => e.dataset.value === '100' ? e.textContent : null)(document.querySelector('{SunroofPosition}'))");
        await browser.ScreenshotAsync(Path.Combine(ScreenshotFolder(), "console-after-request.png"));

        Assert.Equal("关闭", before);
        Assert.Equal("打开（移动中）", command.GetString());
        Assert.Equal(("打开天窗", "done"), (utterance.GetString(), outcome.GetString()));
        Assert.Equal("Cockpit: 正在打开天窗。", reply.GetString()); // the sunroof is still moving when the turn ends
        Assert.Equal("打开 100%", after.GetString());
        Assert.Equal("", (await browser.EvaluateAsync("document.getElementById('text').value")).GetString());
        Assert.Equal(1, (await browser.EvaluateAsync("document.querySelectorAll('#turns li.turn').length")).GetInt32()); // the answer and the stream's copy are one turn
    }

    [Fact]
    public async Task PushToTalk_AgentWithoutSpeechModel_PageSaysSoPlainly()
    {
        // Chromium's fake microphone (a beep) behind a permission granted without asking.
        await using var browser = await HeadlessBrowser.LaunchAsync(Width, Height, ["--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", "--autoplay-policy=no-user-gesture-required"]);
        await browser.NavigateAsync(Address);
        await WaitLiveAsync(browser);

        await browser.PressAsync("#talk");
        await browser.WaitForAsync("document.getElementById('talk').dataset.recording === 'true'", Notice);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await browser.ReleaseAsync("#talk");
        var notice = await browser.WaitForAsync("(n => n.classList.contains('no-speech-model') ? n.textContent : null)(document.getElementById('notice'))", Notice);
        await browser.ScreenshotAsync(Path.Combine(ScreenshotFolder(), "console-no-speech-model.png"));

        Assert.Equal("助手没有语音识别模型，听不到您说话。请直接输入文字。 (speech unavailable: no Whisper model configured (Speech:ModelPath))", notice.GetString());
    }

    /// <summary>Waits until the page shows every service up, the HMI's screen and the car's values.</summary>
    private static Task WaitLiveAsync(HeadlessBrowser browser) => browser.WaitForAsync(
        "document.body.dataset.ready === 'true'"
        + " && [...document.querySelectorAll('#services li')].every(item => item.className === 'up')"
        + " && document.querySelectorAll('#display .el').length > 0"
        + " && document.querySelector('[data-path=\"Vehicle.Speed\"]').dataset.value !== ''"
        + " && document.querySelector('#report .figure') !== null",
        "[...document.querySelectorAll('#services li')].map(item => item.dataset.service + ':' + item.className + ' ' + item.title).join('; ')");

    /// <summary>
    /// Null when two home-screen tiles with different Chinese names ("空调", "音乐") both have ink and differ; without a
    /// CJK font every character falls back to the same empty box, so the two tiles render alike.
    /// </summary>
    private static async Task<string?> TilesDifferAsync(HeadlessBrowser browser)
    {
        var climate = Png.Read(await browser.ScreenshotAsync(clip: await browser.BoxAsync("#display [data-id=\"home.app.climate\"]")));
        var media = Png.Read(await browser.ScreenshotAsync(clip: await browser.BoxAsync("#display [data-id=\"home.app.media\"]")));
        var (width, height) = (Math.Min(climate.Width, media.Width), Math.Min(climate.Height, media.Height));
        int Ink(Png png) => Enumerable.Range(0, height).Sum(y => Enumerable.Range(0, width).Count(x => png.Luma(x, y) > 128));
        var differing = Enumerable.Range(0, height).Sum(y => Enumerable.Range(0, width).Count(x => Math.Abs(climate.Luma(x, y) - media.Luma(x, y)) > 64));
        var (climateInk, mediaInk) = (Ink(climate), Ink(media));
        if (climateInk < 100 || mediaInk < 100)
        {
            return $"the tiles' Chinese names rendered nearly empty ({climateInk}, {mediaInk} light pixels)";
        }

        if (differing < 300)
        {
            return $"'空调' and '音乐' render almost alike ({differing} differing pixels): missing glyphs drawn as boxes";
        }

        return null;
    }

    private static void AssertRendered(Png png, string file)
    {
        Assert.Equal((Width, Height), (png.Width, png.Height));
        var colours = new Dictionary<int, int>();
        for (var y = 0; y < png.Height; y += 2)
        {
            for (var x = 0; x < png.Width; x += 2)
            {
                colours[png.Rgb(x, y)] = colours.GetValueOrDefault(png.Rgb(x, y)) + 1;
            }
        }

        Assert.True(colours.Count > 100, $"the screenshot has only {colours.Count} colours: the page did not render ({file})");
        Assert.True(colours.Values.Max() < colours.Values.Sum() * 0.9, $"one colour covers over 90 % of the screenshot: the page is blank ({file})");
    }

    private static string ScreenshotFolder() =>
        Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
}
