using System.Text;
using System.Text.Json.Nodes;
using Cockpit.Training.Data;
using Cockpit.Training.Labels;
using Cockpit.Training.Measurement;
using Cockpit.Understanding;
using Cockpit.Understanding.Catalog;
using Cockpit.Understanding.Model;

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

    /// <summary>
    /// Re-measures a model directory on every evaluation set: its held-out file or, with <paramref name="drawSeed"/>, a fresh
    /// draw of the same held-out distribution; the human-written dev and test splits; MASSIVE dev. With
    /// <paramref name="report"/> the metrics are also written as JSON; with <paramref name="ablate"/> what each decoder rule
    /// earns on the human dev set is printed.
    /// </summary>
    public static int Measure(string modelDir, string cacheDir, TrainingOptions options, bool update, int? drawSeed, LookupTablePrecision tablePrecision, string? report, bool ablate, TextWriter log)
    {
        if (update && drawSeed is not null)
        {
            throw new ArgumentException("--update records the shipped held-out file's figures; it cannot be combined with --draw-seed.");
        }

        var catalog = ActionCatalog.Default;
        var labels = new LabelSet(catalog);
        var heldOut = drawSeed is { } seed
            ? [.. new DataGenerator(catalog).Generate(options.TestSamples, heldOut: true, seed).Select(new GeneratorLabels(catalog, labels).From).OfType<LabeledUtterance>()]
            : EvaluationSets.ReadHeldOut(Path.Combine(modelDir, TrainingPipeline.HeldOutFile));
        var massive = File.Exists(options.MassiveMapping) ? new MassiveCorpus(options.MassiveMapping, labels) : null;
        var sets = EvaluationSets.Load(heldOut, options.HumanDirectory, Directory.Exists(options.MassiveDirectory) ? options.MassiveDirectory : null, massive, options.PhrasebookDirectory);
        var metrics = RuntimeMeasurement.Measure(modelDir, cacheDir, sets, massive, log, includeTest: true, tablePrecision);
        if (ablate)
        {
            using var understander = UtteranceUnderstander.Open(new UnderstandingOptions { ModelDirectory = modelDir, CacheDirectory = cacheDir, IntraOpThreads = 1, TablePrecision = tablePrecision });
            log.WriteLine(Ablation.Run(understander, sets.HumanDev));
        }

        if (report is not null)
        {
            File.WriteAllText(report, metrics.ToJsonString(ModelManifest.JsonOptions), new UTF8Encoding(false));
        }

        if (update)
        {
            var path = Path.Combine(modelDir, ModelManifest.FileName);
            var manifest = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
            var updated = metrics.DeepClone().AsObject();
            // Parity with TorchSharp needs the training run's weights; what that run measured stays.
            if (manifest["metrics"]?["maxIntentLogitDifference"] is { } parity)
            {
                updated["maxIntentLogitDifference"] = parity.DeepClone();
            }

            manifest["metrics"] = updated;
            File.WriteAllText(path, manifest.ToJsonString(ModelManifest.JsonOptions), new UTF8Encoding(false));
            log.WriteLine($"updated {path}");
        }

        return 0;
    }
}
