using System.Diagnostics;

namespace Cockpit.ServiceDefaults.Tests.Deployment;

/// <summary>A fact that needs <c>systemd-analyze</c> (Debian package systemd); skipped, saying so, where it is missing.</summary>
public sealed class SystemdAnalyzeFactAttribute : FactAttribute
{
    public SystemdAnalyzeFactAttribute()
    {
        if (!IsAvailable)
        {
            Skip = "systemd-analyze is not installed (Debian package systemd); the unit files are checked by the other tests only";
        }
    }

    private static bool IsAvailable => Environment.GetEnvironmentVariable("PATH")?.Split(':').Any(dir => File.Exists(Path.Combine(dir, "systemd-analyze"))) == true;

    /// <summary>Runs systemd-analyze with <paramref name="arguments"/>; its exit code and everything it wrote.</summary>
    public static (int ExitCode, string Output) Run(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("systemd-analyze") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, (stdout + stderr.Result).Trim());
    }
}
