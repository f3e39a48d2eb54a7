using System.Diagnostics;
using System.Text.Json.Nodes;
using Cockpit.Training.Data;
using Cockpit.Understanding;

namespace Cockpit.Training.Training;

/// <summary>Measures the exported files the way the head unit runs them: held-out exact match, OOD rejection, latency.</summary>
internal static class RuntimeMeasurement
{
    public static JsonObject Measure(string modelDir, string cacheDir, List<Sample> test, List<List<ActionCall>> gold, List<List<ActionCall>>? torchPredictions, TextWriter log, float minTagConfidence, string probeDirectory, LookupTablePrecision tablePrecision = LookupTablePrecision.Float16)
    {
        var build = Stopwatch.StartNew();
        using var understander = UtteranceUnderstander.Open(new UnderstandingOptions { ModelDirectory = modelDir, CacheDirectory = cacheDir, IntraOpThreads = 1, MinTagConfidence = minTagConfidence, TablePrecision = tablePrecision });
        var openSeconds = build.Elapsed.TotalSeconds;
        log.WriteLine($"runtime opened in {openSeconds:F1} s (lookup table: {understander.LookupTablePath}, {tablePrecision}, fused kernel: {understander.UsesFusedKernel})");

        // Batch-1 latency and memory first, as the head unit runs it (one utterance at a time), before the batched
        // evaluation below grows ONNX Runtime's arena for 64-utterance batches.
        var texts = test.Take(400).Select(s => s.Text).ToList();
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

        // Agreement with TorchSharp compares raw decoding (no confidence threshold), as TorchSharp's evaluation does.
        using var raw = torchPredictions is null ? null : UtteranceUnderstander.Open(new UnderstandingOptions { ModelDirectory = modelDir, CacheDirectory = cacheDir, IntraOpThreads = 1, MinTagConfidence = 0, TablePrecision = tablePrecision });
        var evaluation = new Evaluation();
        var agree = 0;
        for (var i = 0; i < test.Count; i += 64)
        {
            var chunk = test.Skip(i).Take(64).ToList();
            var results = understander.UnderstandBatch([.. chunk.Select(s => s.Text)]);
            for (var k = 0; k < chunk.Count; k++)
            {
                evaluation.Add(chunk[k].Lang, chunk[k].Text, gold[i + k], results[k].Calls);
                if (torchPredictions is not null && raw is not null)
                {
                    var torch = torchPredictions[i + k];
                    var unfiltered = raw.Understand(chunk[k].Text).Calls;
                    agree += torch.Count == unfiltered.Count && torch.Zip(unfiltered).All(p => p.First.SameAs(p.Second)) ? 1 : 0;
                }
            }
        }

        var agreement = (double)agree / Math.Max(1, test.Count);
        log.WriteLine($"held-out (C# runtime, ONNX Runtime + lookup table): {evaluation}" + (torchPredictions is null ? "" : $"; same calls as TorchSharp on {agreement:P2}"));
        Directory.CreateDirectory(cacheDir);
        File.WriteAllLines(Path.Combine(cacheDir, "errors-runtime.txt"), evaluation.Errors);

        var probe = OutOfDomainProbe.Measure(understander, probeDirectory, Path.Combine(cacheDir, "errors-probe.txt"));
        if (probe is not null)
        {
            log.WriteLine($"out-of-domain probe (written apart from the generator): {probe.ToJsonString()}");
        }

        var requests = RequestProbe.Measure(understander, probeDirectory, Path.Combine(cacheDir, "errors-requests.txt"));
        if (requests is not null)
        {
            log.WriteLine($"request probe (written apart from the generator): {requests.ToJsonString()}");
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
            ["minTagConfidence"] = minTagConfidence,
            ["rssBatch1MiB"] = rssBatch1,
            ["rssMiB"] = CurrentRssMiB(),
        };
        log.WriteLine($"latency: {latency.ToJsonString()}");
        return new JsonObject
        {
            ["heldOut"] = evaluation.ToJson(),
            ["outOfDomainProbe"] = probe,
            ["requestProbe"] = requests,
            ["agreementWithTorch"] = torchPredictions is null ? null : Math.Round(agreement, 4),
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
