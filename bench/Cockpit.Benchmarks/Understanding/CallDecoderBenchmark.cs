using BenchmarkDotNet.Attributes;
using Cockpit.Understanding;
using Cockpit.Understanding.Catalog;
using Cockpit.Understanding.Model;
using Cockpit.Understanding.Text;

namespace Cockpit.Benchmarks.Understanding;

/// <summary>
/// Decoding alone: the shipped model's intent, slot and zone logits of 64 held-out utterances, computed once, turned into
/// calls (segments, merges, argument spans and numbers, zones). The part of a turn that runs after the model.
/// </summary>
[MemoryDiagnoser]
public class CallDecoderBenchmark
{
    private const int Utterances = 64;
    private readonly List<(string Text, IReadOnlyList<Token> Tokens, float[] Intents, float[] Slots, float[] Zones)> _decoded = [];
    private CallDecoder _decoder = null!;

    [GlobalSetup]
    public void Setup()
    {
        var cache = Directory.CreateTempSubdirectory("cockpit-bench-decoder-").FullName;
        var options = new UnderstandingOptions { ModelDirectory = UnderstandingLatencyBenchmark.ModelDirectory("mole"), CacheDirectory = cache, IntraOpThreads = 1 };
        using (var understander = UtteranceUnderstander.Open(options))
        {
            foreach (var text in UnderstandingLatencyBenchmark.HeldOutTexts(Utterances))
            {
                var (tokens, _, intents, slots, zones) = understander.Encode([text]);
                _decoded.Add((text, tokens[0], intents, slots, zones));
            }
        }

        Directory.Delete(cache, recursive: true);
        _decoder = new CallDecoder(ActionCatalog.Default, new LabelSet(ActionCatalog.Default));
    }

    [Benchmark(OperationsPerInvoke = Utterances, Description = "decode one utterance")]
    public int Decode()
    {
        var calls = 0;
        foreach (var (text, tokens, intents, slots, zones) in _decoded)
        {
            calls += _decoder.Decode(text, tokens, intents, slots, zones).Calls.Count;
        }

        return calls;
    }
}
