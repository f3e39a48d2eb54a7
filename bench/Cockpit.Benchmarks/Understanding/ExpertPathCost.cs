using System.Diagnostics;
using Cockpit.Understanding;
using Cockpit.Understanding.Model;
using Cockpit.Understanding.Onnx;
using Cockpit.Understanding.Onnx.Proto;
using Cockpit.Understanding.Text;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;

namespace Cockpit.Benchmarks.Understanding;

/// <summary>
/// What MoLE's expert path costs, apart from how the dense baseline was trained: the shipped encoder with its fused
/// expert path against the same graph and weights with each <c>cockpit.MoleMix</c> node replaced by the residual sum it
/// ends in (<c>h + FFN_shared</c>, as in the dense encoder), and against the dense baseline's encoder; one utterance at a
/// time in a rotating order, each graph opened twice (<see cref="SessionCopies"/>), and the median of the per-utterance
/// ratios. The ONNX Runtime session alone: no tokenizer, no decoding.
/// Run: <c>dotnet Cockpit.Benchmarks.dll understanding-expert-path</c>.
/// </summary>
internal static class ExpertPathCost
{
    private const int Rounds = 6;

    public static void Run(TextWriter output)
    {
        var directory = UnderstandingLatencyBenchmark.ModelDirectory("mole");
        var manifest = ModelManifest.Load(directory);
        var tokenizer = Tokenizer.FromFile(Path.Combine(directory, "vocab.txt"));
        var cache = Directory.CreateTempSubdirectory("cockpit-bench-lut-").FullName;
        InferenceSession[][] sessions = [];
        try
        {
            using var table = LookupTable.OpenOrBuild(Path.Combine(cache, "lut.bin"), Path.Combine(directory, "experts.onnx"), manifest.Files["experts.onnx"].Sha256, manifest.Config, Environment.ProcessorCount);
            using var tableTensor = table.CreateTensor();
            var fused = MoleMixFusion.TryFuse(File.ReadAllBytes(Path.Combine(directory, "encoder.onnx")), manifest.Config, LookupTablePrecision.Float16)
                ?? throw new InvalidOperationException("The shipped encoder lacks the expert-path pattern.");
            var kernel = EncoderSession.KernelLibrary ?? throw new InvalidOperationException("The fused kernel is not there: build on Linux with a C++ compiler.");
            var withoutExperts = WithoutExpertPath(fused);
            var dense = Path.Combine(UnderstandingLatencyBenchmark.ModelDirectory("dense"), "encoder.onnx");
            (string Name, Func<InferenceSession> Open, bool TakesTable)[] graphs =
            [
                ("mole", () => EncoderSession.CreateWithKernel(fused, SingleThread(), kernel), true),
                ("no experts", () => EncoderSession.CreateWithKernel(withoutExperts, SingleThread(), kernel), true),
                ("dense", () => new InferenceSession(dense, SingleThread()), false),
            ];
            sessions = SessionCopies.Open(graphs.Length, g => graphs[g].Open());

            var ids = UnderstandingLatencyBenchmark.HeldOutTexts(300).Select(t => tokenizer.Encode(t).Select(token => (long)token.Id).ToArray()).ToList();
            var samples = graphs.Select(_ => new List<double>()).ToArray();
            var turn = 0;
            for (var round = -2; round < Rounds; round++)
            {
                for (var u = 0; u < ids.Count; u++)
                {
                    for (var k = 0; k < graphs.Length; k++, turn++)
                    {
                        var g = turn % graphs.Length;
                        var elapsed = Time(sessions[g][u & 1], ids[u], graphs[g].TakesTable ? tableTensor : null);
                        if (round >= 0)
                        {
                            samples[g].Add(elapsed);
                        }
                    }

                    turn++;
                }
            }

            for (var g = 0; g < graphs.Length; g++)
            {
                output.WriteLine($"{graphs[g].Name,-10} encoder batch 1: p50 {InterleavedUnderstandingLatency.Median(samples[g]):F3} ms ({samples[g].Count} calls)");
            }

            double PerUtterance(int a, int b) => InterleavedUnderstandingLatency.Median(samples[a].Zip(samples[b], (x, y) => x / y));
            output.WriteLine($"per utterance: MoLE / no experts {PerUtterance(0, 1):F3}x, no experts / dense {PerUtterance(1, 2):F3}x, MoLE / dense {PerUtterance(0, 2):F3}x");
        }
        finally
        {
            Array.ForEach(sessions.SelectMany(copies => copies).ToArray(), session => session.Dispose());
            Directory.Delete(cache, recursive: true);
        }
    }

    /// <summary>
    /// The fused graph with every expert path cut out: each MoleMix node becomes <c>Add(h, ffn)</c>, the dense
    /// encoder's residual, and the routers' weights go.
    /// </summary>
    private static byte[] WithoutExpertPath(byte[] fused)
    {
        var model = ModelProto.Parser.ParseFrom(fused);
        var routers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in model.Graph.Node.Where(n => n.OpType == MoleMixFusion.OpType))
        {
            string[] residual = [node.Input[4], node.Input[5]];
            routers.Add(node.Input[1]);
            node.OpType = "Add";
            node.Domain = "";
            node.Attribute.Clear();
            node.Input.Clear();
            node.Input.AddRange(residual);
        }

        var kept = model.Graph.Initializer.Where(i => !routers.Contains(i.Name)).ToList();
        model.Graph.Initializer.Clear();
        model.Graph.Initializer.AddRange(kept);
        return model.ToByteArray();
    }

    private static SessionOptions SingleThread() => new()
    {
        IntraOpNumThreads = 1, InterOpNumThreads = 1, GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
    };

    private static double Time(InferenceSession session, long[] ids, OrtValue? table)
    {
        var mask = new float[ids.Length];
        Array.Fill(mask, 1f);
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, [1, ids.Length]);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, [1, ids.Length]);
        using var runOptions = new RunOptions();
        var start = Stopwatch.GetTimestamp();
        using var results = table is null
            ? session.Run(runOptions, ["input_ids", "attention_mask"], [idsValue, maskValue], ["intent_logits", "slot_logits", "zone_logits"])
            : session.Run(runOptions, ["input_ids", "attention_mask", MoleMixFusion.TableInput], [idsValue, maskValue, table], ["intent_logits", "slot_logits", "zone_logits"]);
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }
}
