using System.Diagnostics;
using System.Text.Json.Nodes;
using Cockpit.Training.Labels;
using Cockpit.Training.Measurement;
using Cockpit.Understanding;
using Cockpit.Understanding.Catalog;

namespace Cockpit.Training.Training;

/// <summary>
/// Measures the exported files the way the head unit runs them (ONNX Runtime, the lookup table, the C# decoder): the
/// understanding table on the evaluation sets (<see cref="UnderstandingReport"/>), batch-1 and batch-32 latency, memory.
/// The human test split is run only when <c>includeTest</c> says so: by <c>measure</c>, to report a model already chosen,
/// never at the end of a training run whose model is still to be chosen on dev.
/// </summary>
internal static class RuntimeMeasurement
{
    public static JsonObject Measure(string modelDir, string cacheDir, EvaluationSets sets, MassiveCorpus? massive, TextWriter log, bool includeTest, LookupTablePrecision tablePrecision = LookupTablePrecision.Float16)
    {
        var build = Stopwatch.StartNew();
        using var understander = UtteranceUnderstander.Open(new UnderstandingOptions { ModelDirectory = modelDir, CacheDirectory = cacheDir, IntraOpThreads = 1, TablePrecision = tablePrecision });
        var openSeconds = build.Elapsed.TotalSeconds;
        log.WriteLine($"runtime opened in {openSeconds:F1} s (lookup table: {understander.LookupTablePath}, {tablePrecision}, fused kernel: {understander.UsesFusedKernel})");

        // Batch-1 latency and memory first, as the head unit runs it (one utterance at a time), before the batched
        // evaluation below grows ONNX Runtime's arena for 64-utterance batches.
        var texts = sets.HeldOut.Take(400).Select(u => u.Text).ToList();
        foreach (var t in texts.Take(20))
        {
            understander.Understand(t);
        }

        var single = new List<double>();
        foreach (var t in texts)
        {
            var w = Stopwatch.StartNew();
            understander.Understand(t);
            single.Add(w.Elapsed.TotalMilliseconds);
        }

        var rssBatch1 = CurrentRssMiB();
        var boards = UnderstandingReport.Measure(sets, batch => [.. understander.UnderstandBatch(batch).Select(result => result.Calls)], understander.Catalog, massive, includeTest);
        log.WriteLine(UnderstandingReport.Table(boards));
        Directory.CreateDirectory(cacheDir);
        foreach (var board in boards.Where(board => board.Errors.Count > 0))
        {
            File.WriteAllLines(Path.Combine(cacheDir, $"errors-{board.Name.Replace(' ', '-').Replace("(", "").Replace(")", "")}.txt"), board.Errors);
        }

        var batched = new List<double>();
        for (var i = 0; i + 32 <= texts.Count; i += 32)
        {
            var w = Stopwatch.StartNew();
            understander.UnderstandBatch(texts.GetRange(i, 32));
            batched.Add(w.Elapsed.TotalMilliseconds);
        }

        var latency = new JsonObject
        {
            ["batch1P50Ms"] = Percentile(single, 0.5),
            ["batch1P99Ms"] = Percentile(single, 0.99),
            ["batch32P50Ms"] = Percentile(batched, 0.5),
            ["batch32P99Ms"] = Percentile(batched, 0.99),
            ["intraOpThreads"] = 1,
            ["rssBatch1MiB"] = rssBatch1,
            ["rssMiB"] = CurrentRssMiB(),
        };
        log.WriteLine($"latency: {latency.ToJsonString()}");
        return new JsonObject
        {
            ["understanding"] = UnderstandingReport.ToJson(boards),
            ["latency"] = latency,
            ["lookupTableBuildSeconds"] = Math.Round(openSeconds, 2),
            ["measuredOn"] = $"{Environment.ProcessorCount} CPU, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}",
        };
    }

    private static double CurrentRssMiB()
    {
        using var process = Process.GetCurrentProcess();
        return Math.Round(process.WorkingSet64 / 1048576.0, 1);
    }

    private static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToList();
        return Math.Round(sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)], 3);
    }
}
