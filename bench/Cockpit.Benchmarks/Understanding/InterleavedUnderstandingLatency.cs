using System.Diagnostics;
using Cockpit.Understanding;

namespace Cockpit.Benchmarks.Understanding;

/// <summary>
/// MoLE against the dense baseline in one process, alternating the two models round by round over the same held-out
/// utterances, so that drift of a shared machine (clock, neighbours, caches) falls on both alike; BenchmarkDotNet measures
/// one model after the other, and on a shared virtual machine its MoLE/dense ratio moved from run to run by more than
/// the difference being measured. MoLE runs four ways: with its expert path in the fused kernel over the mapped fp16
/// table, over the fp16 table resident in huge pages and over the mapped int8 table, and as the exported stock-operator
/// graph. Run: <c>dotnet Cockpit.Benchmarks.dll understanding-interleaved</c>.
/// </summary>
internal static class InterleavedUnderstandingLatency
{
    private const int Rounds = 6;
    private const int Utterances = 300;

    public static void Run(TextWriter output)
    {
        (string Name, string Model, bool Fused, LookupTablePrecision Table, bool Resident)[] variants =
        [
            ("mole", "mole", true, LookupTablePrecision.Float16, false),
            ("resident", "mole", true, LookupTablePrecision.Float16, true),
            ("int8", "mole", true, LookupTablePrecision.Int8, false),
            ("stock", "mole", false, LookupTablePrecision.Float16, false),
            ("dense", "dense", false, LookupTablePrecision.Float16, false),
        ];
        var names = variants.Select(v => v.Name).ToArray();
        var cache = Directory.CreateTempSubdirectory("cockpit-bench-lut-").FullName;
        try
        {
            var models = variants.Select(v => UtteranceUnderstander.Open(new UnderstandingOptions
            {
                ModelDirectory = UnderstandingLatencyBenchmark.ModelDirectory(v.Model), CacheDirectory = cache, IntraOpThreads = 1, UseFusedKernel = v.Fused, TablePrecision = v.Table, ResidentTable = v.Resident,
            })).ToArray();
            if (!models[0].UsesFusedKernel)
            {
                throw new InvalidOperationException($"The fused kernel is not there ({nameof(UnderstandingOptions.UseFusedKernel)}): build on Linux with a C++ compiler.");
            }

            var texts = UnderstandingLatencyBenchmark.HeldOutTexts(Utterances);
            var samples = names.Select(_ => new List<double>()).ToArray();
            for (var round = -2; round < Rounds; round++)
            {
                for (var m = 0; m < models.Length; m++)
                {
                    foreach (var text in texts)
                    {
                        var start = Stopwatch.GetTimestamp();
                        models[m].Understand(text);
                        if (round >= 0)
                        {
                            samples[m].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                        }
                    }
                }
            }

            var p50 = new double[models.Length];
            for (var m = 0; m < models.Length; m++)
            {
                var sorted = samples[m].Order().ToArray();
                p50[m] = sorted[sorted.Length / 2];
                output.WriteLine($"{names[m],-6} batch 1: p50 {p50[m]:F3} ms, p95 {sorted[sorted.Length * 95 / 100]:F3} ms, p99 {sorted[sorted.Length * 99 / 100]:F3} ms ({sorted.Length} calls)");
                models[m].Dispose();
            }

            output.WriteLine($"MoLE / dense at p50: {p50[0] / p50[4]:F2}x (resident table: {p50[1] / p50[4]:F2}x, int8 table: {p50[2] / p50[4]:F2}x, stock graph: {p50[3] / p50[4]:F2}x)");
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
    }
}
