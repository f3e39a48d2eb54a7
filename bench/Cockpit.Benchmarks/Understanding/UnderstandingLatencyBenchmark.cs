using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Cockpit.Benchmarks.Screen;
using Cockpit.Benchmarks.Vehicle;
using Cockpit.Understanding;

namespace Cockpit.Benchmarks.Understanding;

/// <summary>
/// The understanding model alone, as the head unit runs it (tokenizer → lookup-table gather → ONNX Runtime on one
/// thread → decoding), on held-out utterances: one at a time and 32 at once, for the shipped MoLE model and for the
/// dense baseline of the same shape, which is not shipped. Train it first with
/// <c>Cockpit.Training train --variant dense --out artifacts/dense</c>, or point <c>COCKPIT_DENSE_MODEL</c> at one.
/// </summary>
[Config(typeof(PerCallLatencyConfig))]
public class UnderstandingLatencyBenchmark
{
    private UtteranceUnderstander _understander = null!;
    private string _cache = null!;
    private List<string> _texts = null!;
    private int _next;

    /// <summary><c>mole</c> (shipped) or <c>dense</c> (the baseline).</summary>
    [Params("mole", "dense")]
    public string Model { get; set; } = "mole";

    [GlobalSetup]
    public void Setup()
    {
        var root = ScreenAgentBenchmark.FindRepoRoot();
        var directory = Model == "mole"
            ? Path.Combine(root, "models", "understanding")
            : Environment.GetEnvironmentVariable("COCKPIT_DENSE_MODEL") ?? Path.Combine(root, "artifacts", "dense");
        if (!File.Exists(Path.Combine(directory, "manifest.json")))
        {
            throw new InvalidOperationException($"No model in {directory}; train the dense baseline first (see the class summary).");
        }

        _cache = Directory.CreateTempSubdirectory("cockpit-bench-lut-").FullName;
        _understander = UtteranceUnderstander.Open(new UnderstandingOptions { ModelDirectory = directory, CacheDirectory = _cache, IntraOpThreads = 1 });
        _texts = [.. File.ReadLines(Path.Combine(directory, "heldout.jsonl")).Take(512)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("text").GetString()!)];

        // Every text twice before measuring: JIT tiering of the shared code and the table rows' pages, so neither model
        // pays for them inside its measurements (the benchmarks run in one process, one after the other).
        for (var round = 0; round < 2; round++)
        {
            _texts.ForEach(text => _understander.Understand(text));
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _understander.Dispose();
        Directory.Delete(_cache, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "batch 1")]
    public UnderstandingResult OneUtterance() => _understander.Understand(_texts[_next++ % _texts.Count]);

    [Benchmark(Description = "batch 32")]
    public IReadOnlyList<UnderstandingResult> ThirtyTwoUtterances()
    {
        var start = (_next++ * 32) % (_texts.Count - 32);
        return _understander.UnderstandBatch(_texts.GetRange(start, 32));
    }
}
