using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Cockpit.ServiceDefaults.Tests.Deployment;

/// <summary>The shell scripts in deploy/: they parse, are executable, and the model table holds real SHA-256 values.</summary>
public sealed partial class DeployScriptTests
{
    public static TheoryData<string> Scripts() => ["publish.sh", "install.sh", "fetch-whisper-model.sh"];

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Script_BashSyntax_Parses(string script)
    {
        var path = Path.Combine(RepoPaths.Deploy, script);
        var start = new ProcessStartInfo("bash", ["-n", path]) { RedirectStandardError = true };

        using var bash = Process.Start(start)!;
        var errors = bash.StandardError.ReadToEnd();
        bash.WaitForExit();

        Assert.Equal("", errors);
        Assert.Equal(0, bash.ExitCode);
        Assert.True(File.GetUnixFileMode(path).HasFlag(UnixFileMode.UserExecute), $"{script} is not executable");
    }

    [Fact]
    public void FetchWhisperModel_Table_MultilingualModelsWithSizeAndSha256()
    {
        var script = File.ReadAllText(Path.Combine(RepoPaths.Deploy, "fetch-whisper-model.sh"));

        var rows = TableRow().Matches(script);

        Assert.True(rows.Count >= 4, "the table lists the usual sizes");
        Assert.All(rows, row => Assert.DoesNotContain(".en", row.Groups["file"].Value, StringComparison.Ordinal));
        Assert.All(rows, row => Assert.Equal($"ggml-{row.Groups["model"].Value}.bin", row.Groups["file"].Value));
        Assert.Equal(rows.Count, rows.Select(row => row.Groups["sha256"].Value).Distinct().Count());
        Assert.Contains("model=${1:-base-q5_1}", script, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^(?:table="")?(?<model>[a-z0-9_.-]+)\s+(?<file>ggml-\S+\.bin)\s+(?<bytes>\d+)\s+(?<sha256>[0-9a-f]{64})""?$", RegexOptions.Multiline)]
    private static partial Regex TableRow();
}
