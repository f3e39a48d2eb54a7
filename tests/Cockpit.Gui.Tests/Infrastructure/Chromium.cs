using System.Diagnostics;

namespace Cockpit.Gui.Tests.Infrastructure;

/// <summary>Debian's chromium, headless, taking one screenshot per run.</summary>
public static class Chromium
{
    private const string Install = "install them with: apt-get update && apt-get install -y chromium fonts-noto-cjk";

    /// <summary>Fails with a clear message when chromium or a CJK font is missing.</summary>
    public static string RequireInstalled()
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "chromium"))
            .FirstOrDefault(File.Exists);
        Assert.True(path is not null, $"chromium is not on PATH; the screenshot tests need Debian's chromium and fonts-noto-cjk; {Install}");

        var fonts = Run("fc-list", [":lang=zh", "family"], TimeSpan.FromSeconds(30));
        Assert.True(fonts.Trim().Length > 0, $"no font with Chinese glyphs is installed (fc-list :lang=zh is empty), so Chinese would render as empty boxes; {Install}");
        return path!;
    }

    /// <summary>Loads the page and writes a PNG screenshot of the given window size.</summary>
    public static async Task<byte[]> ScreenshotAsync(string url, int width, int height, string file, string? fontconfigFile = null)
    {
        var chromium = RequireInstalled();
        var profile = Directory.CreateTempSubdirectory("cockpit-gui-chromium-");
        try
        {
            File.Delete(file);
            string[] arguments =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
                $"--user-data-dir={profile.FullName}", $"--screenshot={file}", $"--window-size={width},{height}", url,
            ];
            await Task.Run(() => Run(chromium, arguments, TimeSpan.FromSeconds(90), fontconfigFile));
            Assert.True(File.Exists(file), $"chromium wrote no screenshot to {file}");
            return await File.ReadAllBytesAsync(file);
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }

    private static string Run(string program, IEnumerable<string> arguments, TimeSpan timeout, string? fontconfigFile = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (fontconfigFile is not null)
        {
            start.Environment["FONTCONFIG_FILE"] = fontconfigFile;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} did not finish within {timeout.TotalSeconds} s: {error.Result}");
        }

        return output.Result;
    }
}
