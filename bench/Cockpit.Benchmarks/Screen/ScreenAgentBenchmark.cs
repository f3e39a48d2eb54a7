using BenchmarkDotNet.Attributes;

namespace Cockpit.Benchmarks.Screen;

/// <summary>
/// The GUI agent on the real HMI and vehicle service: one generated screen task (Reset, then the agent's
/// observe → act → verify loop) per operation, against the baseline of Reset alone. At setup it runs the
/// evaluation set (400 tasks, seed 7, both languages, not the unit tests' phrasings) and prints success rate,
/// steps against the shortest path and ms per step.
/// <code>dotnet run -c Release --project bench/Cockpit.Benchmarks -- --filter '*ScreenAgent*'</code>
/// </summary>
[MemoryDiagnoser]
public class ScreenAgentBenchmark
{
    private ScreenAgentHarness _harness = null!;
    private IReadOnlyList<GeneratedScreenTask> _tasks = null!;
    private int _next;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _harness = await ScreenAgentHarness.StartAsync();
        var screens = Path.Combine(FindRepoRoot(), "src", "Cockpit.Gui", "Screens");
        _tasks = new ScreenTaskGenerator(screens, seed: 7).Generate(400);
        await _harness.EvaluateAsync(_tasks, System.Console.Out);
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await _harness.DisposeAsync();

    [Benchmark(Baseline = true)]
    public Task ResetOnly() => _harness.ArrangeAsync(_tasks[_next++ % _tasks.Count]);

    [Benchmark]
    public async Task<bool> ResetAndRunTask() => (await _harness.RunAsync(_tasks[_next++ % _tasks.Count])).Succeeded;

    internal static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Cockpit.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
