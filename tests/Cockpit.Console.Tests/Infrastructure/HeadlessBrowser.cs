using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cockpit.Console.Tests.Infrastructure;

/// <summary>
/// Debian's chromium, headless, driven over the DevTools protocol (a WebSocket of JSON commands): navigate, evaluate
/// script, type, press and release the mouse, take screenshots. Playwright needs a download; this needs only chromium.
/// </summary>
internal sealed class HeadlessBrowser : IAsyncDisposable
{
    private const string Install = "install them with: apt-get update && apt-get install -y chromium fonts-noto-cjk";
    private static readonly TimeSpan s_commandTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly DirectoryInfo _profile;
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly CancellationTokenSource _stop = new();
    private Task _receiving = Task.CompletedTask;
    private int _nextId;

    private HeadlessBrowser(Process process, DirectoryInfo profile)
    {
        _process = process;
        _profile = profile;
    }

    /// <summary>
    /// Starts chromium with a fresh profile and a <paramref name="width"/> × <paramref name="height"/> page; a
    /// <paramref name="fontconfigFile"/> limits the fonts it may use.
    /// </summary>
    public static async Task<HeadlessBrowser> LaunchAsync(int width, int height, string[]? arguments = null, string? fontconfigFile = null)
    {
        var chromium = RequireInstalled();
        var profile = Directory.CreateTempSubdirectory("cockpit-console-chromium-");
        var start = new ProcessStartInfo(chromium) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (fontconfigFile is not null)
        {
            start.Environment["FONTCONFIG_FILE"] = fontconfigFile;
        }

        foreach (var argument in (string[])[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--hide-scrollbars", "--remote-debugging-port=0", $"--user-data-dir={profile.FullName}",
            $"--window-size={width},{height}", .. arguments ?? [], "about:blank"])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var browser = new HeadlessBrowser(process, profile);
        try
        {
            await browser.ConnectAsync();
            await browser.SendAsync("Page.enable");
            await browser.SendAsync("Emulation.setDeviceMetricsOverride", new { width, height, deviceScaleFactor = 1, mobile = false });
            return browser;
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }
    }

    /// <summary>Fails with a clear message when chromium or a CJK font is missing.</summary>
    public static string RequireInstalled()
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "chromium"))
            .FirstOrDefault(File.Exists);
        Assert.True(path is not null, $"chromium is not on PATH; the console's browser tests need Debian's chromium and fonts-noto-cjk; {Install}");
        var fonts = Process.Start(new ProcessStartInfo("fc-list", [":lang=zh", "family"]) { RedirectStandardOutput = true })!;
        var list = fonts.StandardOutput.ReadToEnd();
        fonts.WaitForExit();
        Assert.True(list.Trim().Length > 0, $"no font with Chinese glyphs is installed (fc-list :lang=zh is empty); {Install}");
        return path!;
    }

    /// <summary>Opens <paramref name="url"/> and waits until its document has loaded.</summary>
    public async Task NavigateAsync(string url)
    {
        await SendAsync("Page.navigate", new { url });
        await WaitForAsync("document.readyState === 'complete' && location.href !== 'about:blank'");
    }

    /// <summary>The value of a script expression (promises awaited).</summary>
    public async Task<JsonElement> EvaluateAsync(string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new { expression, returnByValue = true, awaitPromise = true });
        if (result.TryGetProperty("exceptionDetails", out var exception))
        {
            throw new InvalidOperationException($"'{expression}' threw: {exception}");
        }

        return result.GetProperty("result").TryGetProperty("value", out var value) ? value.Clone() : default;
    }

    /// <summary>Polls <paramref name="expression"/> until it is truthy; fails naming it and <paramref name="explain"/>'s value.</summary>
    public async Task<JsonElement> WaitForAsync(string expression, string? explain = null, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        while (true)
        {
            var value = await EvaluateAsync($"(() => {{ try {{ return {expression}; }} catch {{ return null; }} }})()");
            if (value.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.False) && !(value.ValueKind == JsonValueKind.String && value.GetString() == ""))
            {
                return value;
            }

            if (clock.Elapsed > limit)
            {
                var detail = explain is null ? "" : $"; {explain} = {await EvaluateAsync(explain)}";
                Assert.Fail($"'{expression}' stayed false for {limit.TotalSeconds} s{detail}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>A PNG of the page, or of <paramref name="clip"/> (CSS pixels) when given.</summary>
    public async Task<byte[]> ScreenshotAsync(string? file = null, (double X, double Y, double Width, double Height)? clip = null)
    {
        object parameters = clip is { } area
            ? new { format = "png", clip = new { x = area.X, y = area.Y, width = area.Width, height = area.Height, scale = 1 } }
            : new { format = "png" };
        var png = Convert.FromBase64String((await SendAsync("Page.captureScreenshot", parameters)).GetProperty("data").GetString()!);
        if (file is not null)
        {
            await File.WriteAllBytesAsync(file, png);
        }

        return png;
    }

    /// <summary>The centre of the first element <paramref name="selector"/> finds, in CSS pixels.</summary>
    public async Task<(double X, double Y)> CentreAsync(string selector)
    {
        var rect = await WaitForAsync($"(r => r && r.width > 0 ? {{ x: r.x + r.width / 2, y: r.y + r.height / 2 }} : null)(document.querySelector({JsonSerializer.Serialize(selector)})?.getBoundingClientRect())");
        return (rect.GetProperty("x").GetDouble(), rect.GetProperty("y").GetDouble());
    }

    /// <summary>The box of the first element <paramref name="selector"/> finds, in CSS pixels.</summary>
    public async Task<(double X, double Y, double Width, double Height)> BoxAsync(string selector)
    {
        var rect = await WaitForAsync($"(r => r && r.width > 0 ? {{ x: r.x, y: r.y, width: r.width, height: r.height }} : null)(document.querySelector({JsonSerializer.Serialize(selector)})?.getBoundingClientRect())");
        return (rect.GetProperty("x").GetDouble(), rect.GetProperty("y").GetDouble(), rect.GetProperty("width").GetDouble(), rect.GetProperty("height").GetDouble());
    }

    /// <summary>A real click (press and release of the left button) at the element's centre.</summary>
    public async Task ClickAsync(string selector)
    {
        await PressAsync(selector);
        await ReleaseAsync(selector);
    }

    /// <summary>Presses the left mouse button on the element, as a person's finger does.</summary>
    public async Task PressAsync(string selector)
    {
        var (x, y) = await CentreAsync(selector);
        await SendAsync("Input.dispatchMouseEvent", new { type = "mouseMoved", x, y });
        await SendAsync("Input.dispatchMouseEvent", new { type = "mousePressed", x, y, button = "left", buttons = 1, clickCount = 1 });
    }

    /// <summary>Releases the left mouse button over the element.</summary>
    public async Task ReleaseAsync(string selector)
    {
        var (x, y) = await CentreAsync(selector);
        await SendAsync("Input.dispatchMouseEvent", new { type = "mouseReleased", x, y, button = "left", buttons = 0, clickCount = 1 });
    }

    /// <summary>Types <paramref name="text"/> into the focused element, as an input method commits it.</summary>
    public Task TypeAsync(string text) => SendAsync("Input.insertText", new { text });

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                await SendAsync("Browser.close").WaitAsync(TimeSpan.FromSeconds(5));
            }
        }
        catch (Exception error) when (error is TimeoutException or WebSocketException or InvalidOperationException or OperationCanceledException)
        {
            // chromium is killed below
        }

        if (!_process.WaitForExit(5000))
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _socket.Dispose();
        _process.Dispose();
        _stop.Dispose();
        await _receiving.ContinueWith(_ => { }, TaskScheduler.Default);
        _profile.Delete(recursive: true);
    }

    /// <summary>Sends one command and returns its result.</summary>
    public async Task<JsonElement> SendAsync(string method, object? parameters = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var answer = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = answer;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = JsonSerializer.SerializeToNode(parameters ?? new { }) };
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        var response = await answer.Task.WaitAsync(s_commandTimeout);
        if (response.TryGetProperty("error", out var error))
        {
            throw new InvalidOperationException($"{method} failed: {error}");
        }

        return response.GetProperty("result");
    }

    private async Task ConnectAsync()
    {
        // Chromium writes its port into the profile once it listens.
        var portFile = Path.Combine(_profile.FullName, "DevToolsActivePort");
        var clock = Stopwatch.StartNew();
        while (!File.Exists(portFile) || (await File.ReadAllLinesAsync(portFile)).Length < 2)
        {
            Assert.False(_process.HasExited, $"chromium exited with {(_process.HasExited ? _process.ExitCode : 0)} before it listened");
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "chromium did not open its DevTools port within 60 s");
            await Task.Delay(100);
        }

        var port = int.Parse((await File.ReadAllLinesAsync(portFile))[0], System.Globalization.CultureInfo.InvariantCulture);
        using var http = new HttpClient();
        var targets = JsonDocument.Parse(await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/json/list"))).RootElement;
        var page = targets.EnumerateArray().First(target => target.GetProperty("type").GetString() == "page");
        await _socket.ConnectAsync(new Uri(page.GetProperty("webSocketDebuggerUrl").GetString()!), CancellationToken.None);
        _receiving = ReceiveAsync();
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        while (!_stop.IsCancellationRequested && _socket.State == WebSocketState.Open)
        {
            var part = await _socket.ReceiveAsync(buffer, _stop.Token);
            if (part.MessageType == WebSocketMessageType.Close)
            {
                break;
            }

            message.Write(buffer, 0, part.Count);
            if (!part.EndOfMessage)
            {
                continue;
            }

            var json = JsonDocument.Parse(message.ToArray()).RootElement.Clone();
            message.SetLength(0);
            if (json.TryGetProperty("id", out var id) && _pending.TryRemove(id.GetInt32(), out var answer))
            {
                answer.TrySetResult(json);
            }
        }

        foreach (var answer in _pending.Values)
        {
            answer.TrySetException(new InvalidOperationException("the DevTools connection closed"));
        }
    }
}
