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

    /// <summary>The model directory of <c>mole</c> (shipped) or <c>dense</c> (<c>COCKPIT_DENSE_MODEL</c> or <c>artifacts/dense</c>).</summary>
    public static string ModelDirectory(string model)
    {
        var root = ScreenAgentBenchmark.FindRepoRoot();
        var directory = model == "mole"
            ? Path.Combine(root, "models", "understanding")
            : Environment.GetEnvironmentVariable("COCKPIT_DENSE_MODEL") ?? Path.Combine(root, "artifacts", "dense");
        return File.Exists(Path.Combine(directory, "manifest.json"))
            ? directory
            : throw new InvalidOperationException($"No model in {directory}; train the dense baseline first (see the class summary).");
    }

    /// <summary>The first <paramref name="count"/> utterances of the shipped model's held-out set: both models read the same ones.</summary>
    public static List<string> HeldOutTexts(int count) =>
        [.. File.ReadLines(Path.Combine(ModelDirectory("mole"), "heldout.jsonl")).Take(count)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("text").GetString()!)];

    [GlobalSetup]
    public void Setup()
    {
        _cache = Directory.CreateTempSubdirectory("cockpit-bench-lut-").FullName;
        _understander = UtteranceUnderstander.Open(new UnderstandingOptions { ModelDirectory = ModelDirectory(Model), CacheDirectory = _cache, IntraOpThreads = 1 });
        _texts = HeldOutTexts(512);

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
