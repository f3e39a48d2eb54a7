using System.Diagnostics;
using Cockpit.Understanding;

namespace Cockpit.Benchmarks.Understanding;

/// <summary>
/// MoLE against the dense baseline in one process, alternating the models over the same held-out utterances, so that
/// drift of a shared machine (clock, neighbours, caches) falls on all alike; BenchmarkDotNet measures one model after the
/// other, and on a shared virtual machine its MoLE/dense ratio moved from run to run by more than the difference being
/// measured. MoLE runs four ways: with its expert path in the fused kernel over the mapped fp16 table, over the fp16
/// table resident in huge pages and over the mapped int8 table, and as the exported stock-operator graph; each model is
/// opened twice (<see cref="SessionCopies"/>). Two regimes: <em>warm</em>, each model over 25 utterances in turn (its
/// weights and rows stay in the caches), and <em>cold</em>, each utterance after the CPU caches were flushed, as in the
/// car, where speech recognition's working set passes through them between two requests (the models then take turns
/// utterance by utterance). Run: <c>dotnet Cockpit.Benchmarks.dll understanding-interleaved</c>.
/// </summary>
internal static class InterleavedUnderstandingLatency
{
    private const int WarmPasses = 6;
    private const int WarmBlock = 25;
    private const int ColdRounds = 2;
    private const int Utterances = 300;

    // Twice this machine's last-level cache (32 MiB): streaming through it leaves none of a model's lines cached.
    private const int EvictionBytes = 64 << 20;

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
        var cache = Directory.CreateTempSubdirectory("cockpit-bench-lut-").FullName;
        UtteranceUnderstander[][] models = [];
        try
        {
            models = SessionCopies.Open(variants.Length, m => UtteranceUnderstander.Open(new UnderstandingOptions
            {
                ModelDirectory = UnderstandingLatencyBenchmark.ModelDirectory(variants[m].Model), CacheDirectory = cache, IntraOpThreads = 1,
                UseFusedKernel = variants[m].Fused, TablePrecision = variants[m].Table, ResidentTable = variants[m].Resident,
            }));
            if (!models[0][0].UsesFusedKernel)
            {
                throw new InvalidOperationException($"The fused kernel is not there ({nameof(UnderstandingOptions.UseFusedKernel)}): build on Linux with a C++ compiler.");
            }

            var texts = UnderstandingLatencyBenchmark.HeldOutTexts(Utterances);
            var names = variants.Select(v => v.Name).ToArray();
            Report(output, "warm", names, MeasureWarm(models, texts));
            Report(output, "cold", names, MeasureCold(models, texts));
        }
        finally
        {
            Array.ForEach(models.SelectMany(copies => copies).ToArray(), m => m.Dispose());
            Directory.Delete(cache, recursive: true);
        }
    }

    /// <summary>
    /// Each model over a block of utterances in turn, block after block, so that a model's weights and rows stay cached
    /// through its block while the machine's drift falls on all models within a fraction of a second; the copies take
    /// turns by pass over the utterances (two passes untimed).
    /// </summary>
    private static List<double>[] MeasureWarm(UtteranceUnderstander[][] models, List<string> texts)
    {
        var samples = models.Select(_ => new List<double>()).ToArray();
        for (var pass = -2; pass < WarmPasses; pass++)
        {
            foreach (var block in texts.Chunk(WarmBlock))
            {
                for (var m = 0; m < models.Length; m++)
                {
                    foreach (var text in block)
                    {
                        var elapsed = Time(models[m][pass & 1], text);
                        if (pass >= 0)
                        {
                            samples[m].Add(elapsed);
                        }
                    }
                }
            }
        }

        return samples;
    }

    /// <summary>Utterance by utterance, every model once in a rotating order, each call after the caches were flushed;
    /// the copies take turns by utterance.</summary>
    private static List<double>[] MeasureCold(UtteranceUnderstander[][] models, List<string> texts)
    {
        var samples = models.Select(_ => new List<double>()).ToArray();
        var eviction = new byte[EvictionBytes];
        var turn = 0;
        for (var round = 0; round < ColdRounds; round++)
        {
            for (var u = 0; u < texts.Count; u++)
            {
                for (var k = 0; k < models.Length; k++, turn++)
                {
                    var m = turn % models.Length;
                    Evict(eviction);
                    samples[m].Add(Time(models[m][u & 1], texts[u]));
                }

                turn++; // a different model first for the next utterance
            }
        }

        return samples;
    }

    private static double Time(UtteranceUnderstander model, string text)
    {
        var start = Stopwatch.GetTimestamp();
        model.Understand(text);
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    /// <summary>Writes a byte in every cache line of <paramref name="buffer"/>, displacing whatever the caches held.</summary>
    private static void Evict(byte[] buffer)
    {
        for (var i = 0; i < buffer.Length; i += 64)
        {
            buffer[i]++;
        }
    }

    private static void Report(TextWriter output, string regime, string[] names, List<double>[] samples)
    {
        var p50 = new double[names.Length];
        for (var m = 0; m < names.Length; m++)
        {
            var sorted = samples[m].Order().ToArray();
            p50[m] = sorted[sorted.Length / 2];
            output.WriteLine($"{regime} {names[m],-8} batch 1: p50 {p50[m]:F3} ms, p95 {sorted[sorted.Length * 95 / 100]:F3} ms, p99 {sorted[sorted.Length * 99 / 100]:F3} ms ({sorted.Length} calls)");
        }

        // Both lists hold one call per utterance in the same order, so a ratio of their elements pairs two calls on the
        // same utterance made well within a second of each other: a second estimate beside the ratio of the medians.
        var dense = Array.IndexOf(names, "dense");
        string Ratio(int m) => $"{p50[m] / p50[dense]:F2}x, per utterance {Median(samples[m].Zip(samples[dense], (a, b) => a / b)):F2}x";
        output.WriteLine($"{regime} MoLE / dense at p50: {Ratio(0)} (resident table: {Ratio(1)}; int8 table: {Ratio(2)}; stock graph: {Ratio(3)})");
    }

    /// <summary>The middle value (the upper one of an even count).</summary>
    internal static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
