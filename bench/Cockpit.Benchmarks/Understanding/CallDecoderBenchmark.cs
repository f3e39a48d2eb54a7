using BenchmarkDotNet.Attributes;
using Cockpit.Understanding;
using Cockpit.Understanding.Catalog;
using Cockpit.Understanding.Model;
using Cockpit.Understanding.Text;

namespace Cockpit.Benchmarks.Understanding;

/// <summary>
/// Decoding alone: the shipped model's tag and call logits of 64 held-out utterances, computed once, turned into calls
/// (class per token, free-text edges, call numbering, catalog checks). The part of a turn that runs after the model.
/// </summary>
[MemoryDiagnoser]
public class CallDecoderBenchmark
{
    private const int Utterances = 64;
    private readonly List<(string Text, IReadOnlyList<Token> Tokens, float[] Tags, float[] Calls)> _decoded = [];
    private CallDecoder _decoder = null!;
    private float _minConfidence;

    [GlobalSetup]
    public void Setup()
    {
        var cache = Directory.CreateTempSubdirectory("cockpit-bench-decoder-").FullName;
        var options = new UnderstandingOptions { ModelDirectory = UnderstandingLatencyBenchmark.ModelDirectory("mole"), CacheDirectory = cache, IntraOpThreads = 1 };
        using (var understander = UtteranceUnderstander.Open(options))
        {
            foreach (var text in UnderstandingLatencyBenchmark.HeldOutTexts(Utterances))
            {
                var (tokens, _, tags, calls) = understander.Encode([text]);
                _decoded.Add((text, tokens[0], tags, calls));
            }
        }

        Directory.Delete(cache, recursive: true);
        _decoder = new CallDecoder(ActionCatalog.Default, new TagSet(ActionCatalog.Default));
        _minConfidence = options.MinTagConfidence;
    }

    [Benchmark(OperationsPerInvoke = Utterances, Description = "decode one utterance")]
    public int Decode()
    {
        var calls = 0;
        foreach (var (text, tokens, tags, callLogits) in _decoded)
        {
            calls += _decoder.Decode(text, tokens, tags, callLogits, _minConfidence).Calls.Count;
        }

        return calls;
    }
}
