using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cockpit.Training.Data;
using Cockpit.Understanding;
using Cockpit.Understanding.Catalog;
using Cockpit.Understanding.Model;
using Cockpit.Understanding.Text;

namespace Cockpit.Training.Training;

/// <summary>Commands on an exported model directory: build the lookup table, re-measure the shipped files.</summary>
internal static class ModelCommands
{
    public static int BuildTable(string modelDir, string cacheDir, TextWriter log)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        using var understander = UtteranceUnderstander.Open(new UnderstandingOptions { ModelDirectory = modelDir, CacheDirectory = cacheDir });
        log.WriteLine($"lookup table ready: {understander.LookupTablePath} ({watch.Elapsed.TotalSeconds:F1} s)");
        return 0;
    }

    /// <summary>Re-measures a model directory on its held-out file or, with <paramref name="drawSeed"/>, on a fresh draw of the
    /// same held-out distribution (held-out templates and values, another seed): how much the sample moves the figures.</summary>
    public static int Measure(string modelDir, string cacheDir, string probeDirectory, bool update, float minTagConfidence, int? drawSeed, LookupTablePrecision tablePrecision, TextWriter log)
    {
        if (update && drawSeed is not null)
        {
            throw new ArgumentException("--update records the shipped held-out file's figures; it cannot be combined with --draw-seed.");
        }

        var catalog = ActionCatalog.Default;
        var samples = drawSeed is { } seed
            ? new DataGenerator(catalog).Generate(new TrainingOptions().TestSamples, heldOut: true, seed)
            : ReadSamples(Path.Combine(modelDir, TrainingPipeline.HeldOutFile));
        var decoder = new CallDecoder(catalog, new TagSet(catalog));
        var tokenizer = Tokenizer.FromFile(Path.Combine(modelDir, "vocab.txt"));
        var gold = samples.Select(s => TrainingPipeline.GoldCalls(decoder, tokenizer, s)).ToList();
        var metrics = RuntimeMeasurement.Measure(modelDir, cacheDir, samples, gold, null, log, minTagConfidence, probeDirectory, tablePrecision);
        if (update)
        {
            var path = Path.Combine(modelDir, ModelManifest.FileName);
            var manifest = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
            var existing = manifest["metrics"] as JsonObject ?? [];
            foreach (var (k, v) in metrics.Where(kv => kv.Value is not null))
            {
                existing[k] = v?.DeepClone();
            }

            manifest["metrics"] = existing.DeepClone();
            File.WriteAllText(path, manifest.ToJsonString(ModelManifest.JsonOptions), new UTF8Encoding(false));
            log.WriteLine($"updated {path}");
        }

        return 0;
    }

    public static List<Sample> ReadSamples(string path) =>
        [.. File.ReadLines(path).Where(l => l.Length > 0).Select(l =>
        {
            var o = JsonNode.Parse(l)!.AsObject();
            var spans = o["spans"]!.AsArray().Select(x => x!.AsArray())
                .Select(x => new LabelledSpan(x[0]!.GetValue<int>(), x[1]!.GetValue<int>(), x[2]!.GetValue<string>(), x[3]!.GetValue<int>())).ToList();
            return new Sample(o["text"]!.GetValue<string>(), o["lang"]!.GetValue<string>(), o["template"]!.GetValue<string>(), spans);
        })];

    public static string Describe(JsonObject o) => o.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
}
