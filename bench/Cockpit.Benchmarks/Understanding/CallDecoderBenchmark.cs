using System.Text.Json;
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
        var model = UnderstandingLatencyBenchmark.ModelDirectory("mole");
        var cache = Directory.CreateTempSubdirectory("cockpit-bench-decoder-").FullName;
        var options = new UnderstandingOptions { ModelDirectory = model, CacheDirectory = cache, IntraOpThreads = 1 };
        using (var understander = UtteranceUnderstander.Open(options))
        {
            var shape = understander.Manifest.Config;
            using var table = LookupTable.OpenOrBuild(understander.LookupTablePath!, Path.Combine(model, "experts.onnx"), understander.Manifest.Files["experts.onnx"].Sha256, shape, 1);
            using var session = new EncoderSession(Path.Combine(model, "encoder.onnx"), shape, table, 1, EncoderSession.KernelLibrary);
            var tokenizer = Tokenizer.FromFile(Path.Combine(model, "vocab.txt"));
            foreach (var text in UnderstandingLatencyBenchmark.HeldOutTexts(Utterances))
            {
                var tokens = tokenizer.Encode(text);
                long[] ids = [.. tokens.Select(t => (long)t.Id)];
                var (tags, calls) = session.Run(ids, [.. ids.Select(_ => 1f)], 1, ids.Length);
                _decoded.Add((text, tokens, tags, calls));
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
