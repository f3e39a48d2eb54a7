using System.Net.Http.Json;
using System.Text.Json;
using Cockpit.Gui.Tests.Infrastructure;

namespace Cockpit.Gui.Tests.Web;

/// <summary>The watch page, over HTTP and in a real headless browser.</summary>
public sealed class WatchPageTests : IAsyncLifetime
{
    private GuiHost _host = null!;

    public async Task InitializeAsync() => _host = await GuiHost.StartAsync();

    public async Task DisposeAsync()
    {
        Assert.Empty(_host.Logs.Errors);
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task View_AfterActions_ScreenAndLastActionsNewestFirst()
    {
        using var http = _host.CreatePageClient();
        await _host.Client.OpenAsync("media");
        await _host.Client.TapAsync("media.library.qilixiang");

        var view = await http.GetFromJsonAsync<JsonElement>("/hmi/api/view");

        Assert.Equal("media", view.GetProperty("screen").GetProperty("id").GetString());
        var actions = view.GetProperty("actions");
        Assert.Equal("Tap media.library.qilixiang", actions[0].GetProperty("action").GetString());
        Assert.Equal("Open app media", actions[1].GetProperty("action").GetString());
    }

    [Fact]
    public async Task Events_AfterAction_StreamsNewView()
    {
        using var http = _host.CreatePageClient();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var response = await http.GetAsync("/hmi/api/events", HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancel.Token));
        var first = await reader.ReadLineAsync(cancel.Token);

        await _host.Client.OpenAsync("navigation");

        string? line;
        do
        {
            line = await reader.ReadLineAsync(cancel.Token);
        }
        while (line is not null && !line.Contains("\"id\":\"navigation\"", StringComparison.Ordinal));
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("data: {", first, StringComparison.Ordinal);
        Assert.NotNull(line);
    }

    [Fact]
    public async Task Screenshot_MediaScreen_NonTrivialImage()
    {
        await _host.Client.OpenAsync("media");
        await _host.Client.TapAsync("media.library.qilixiang");
        var file = Path.Combine(ScreenshotFolder(), "hmi-media.png");

        var png = Png.Read(await Chromium.ScreenshotAsync(new Uri(_host.PageAddress, $"/hmi/?token={GuiHost.PageToken}").ToString(), 1640, 800, file));

        Assert.Equal((1640, 800), (png.Width, png.Height));
        var colours = new Dictionary<int, int>();
        for (var y = 0; y < png.Height; y += 2)
        {
            for (var x = 0; x < png.Width; x += 2)
            {
                colours[png.Rgb(x, y)] = colours.GetValueOrDefault(png.Rgb(x, y)) + 1;
            }
        }

        var samples = colours.Values.Sum();
        Assert.True(colours.Count > 100, $"the screenshot has only {colours.Count} colours: the page did not render ({file})");
        Assert.True(colours.Values.Max() < samples * 0.9, $"one colour covers over 90 % of the screenshot: the page is blank ({file})");
    }

    [Fact]
    public async Task Screenshot_ChineseText_DistinctGlyphsNotEmptyBoxes()
    {
        var folder = ScreenshotFolder();

        var failure = await CjkProbeAsync(folder, "cjk-probe", fontconfigFile: null);

        Assert.True(failure is null, $"{failure}; install a CJK font: apt-get install -y fonts-noto-cjk");
    }

    [Fact]
    public async Task CjkProbe_OnlyLatinFonts_DetectsEmptyBoxes()
    {
        // The probe must catch the failure it exists for: fontconfig limited to DejaVu has no Chinese glyphs.
        var folder = ScreenshotFolder();
        var config = Path.Combine(folder, "latin-only-fonts.conf");
        await File.WriteAllTextAsync(config, $"""
            <?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">
            <fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>{Path.Combine(folder, "fontcache")}</cachedir></fontconfig>
            """);

        var failure = await CjkProbeAsync(folder, "cjk-probe-latin-only", config);

        Assert.NotNull(failure);
    }

    /// <summary>
    /// Renders two different Chinese characters and a Latin one; null when the Chinese ones have ink and differ.
    /// Without a CJK font every Chinese character falls back to the same empty box ("tofu"), so the two
    /// render to the same pixels.
    /// </summary>
    private static async Task<string?> CjkProbeAsync(string folder, string name, string? fontconfigFile)
    {
        var page = Path.Combine(folder, $"{name}.html");
        await File.WriteAllTextAsync(page, """
            <!DOCTYPE html><html><head><meta charset="utf-8"><style>
            body { margin: 0; background: #fff; }
            div { position: absolute; top: 0; width: 200px; height: 200px; font-size: 160px; line-height: 200px; text-align: center; color: #000;
                  font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", sans-serif; }
            </style></head><body><div style="left:0">七</div><div style="left:200px">香</div><div style="left:400px">A</div></body></html>
            """);

        var png = Png.Read(await Chromium.ScreenshotAsync(new Uri(page).ToString(), 600, 200, Path.Combine(folder, $"{name}.png"), fontconfigFile));

        int Ink(int left) => Enumerable.Range(0, 200).Sum(y => Enumerable.Range(left, 200).Count(x => png.Luma(x, y) < 128));
        var differing = Enumerable.Range(0, 200).Sum(y => Enumerable.Range(0, 200).Count(x => Math.Abs(png.Luma(x, y) - png.Luma(x + 200, y)) > 64));
        var (qi, xiang, latin) = (Ink(0), Ink(200), Ink(400));
        if (latin <= 500)
        {
            return $"even Latin text did not render ({latin} dark pixels)";
        }

        if (qi <= 500 || xiang <= 500)
        {
            return $"Chinese characters rendered nearly empty ({qi}, {xiang} dark pixels)";
        }

        if (differing <= 1500)
        {
            return $"'七' and '香' render almost alike ({differing} differing pixels): missing glyphs drawn as boxes";
        }

        return null;
    }

    private static string ScreenshotFolder() =>
        Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
}
