namespace Cockpit.Fuzz.Tests;

/// <summary>
/// The committed fuzz corpus is a regression suite: every seed and every input that once crashed a parser goes through
/// the same target code as under AFL, and must end in the parser's result or its documented error.
/// </summary>
public sealed class CorpusReplayTests
{
    private static readonly string Corpus = Path.Combine(FindRoot(), "fuzz", "corpus");

    public static TheoryData<string, string> CorpusFiles()
    {
        var data = new TheoryData<string, string>();
        foreach (var target in FuzzTargets.Names.Order(StringComparer.Ordinal))
        {
            var folder = Path.Combine(Corpus, target);
            if (!Directory.Exists(folder))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
            {
                data.Add(target, Path.GetFileName(file));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public async Task Run_CorpusFile_EndsInResultOrDocumentedError(string target, string file)
    {
        await using var input = File.OpenRead(Path.Combine(Corpus, target, file));

        var run = Task.Run(() => FuzzTargets.Run(target, input));
        var first = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(30)));

        Assert.True(first == run, $"{target}/{file} did not finish within 30 s (a hang)");
        await run; // an unexpected exception from the parser fails the test here
    }

    [Fact]
    public void Corpus_EachTarget_HasSeeds()
    {
        var empty = FuzzTargets.Names.Where(target =>
            !Directory.Exists(Path.Combine(Corpus, target)) || !Directory.EnumerateFiles(Path.Combine(Corpus, target)).Any());

        Assert.Empty(empty);
    }

    [Fact]
    public void Run_UnknownTarget_ThrowsArgumentException()
    {
        using var input = new MemoryStream();

        var error = Assert.Throws<ArgumentException>(() => FuzzTargets.Run("nope", input));

        Assert.Contains("unknown fuzz target 'nope'", error.Message, StringComparison.Ordinal);
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Directory.Build.props")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new DirectoryNotFoundException("Repository root (Directory.Build.props) not found.");
    }
}
