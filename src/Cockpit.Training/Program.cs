using System.Globalization;
using System.Text;
using Cockpit.Training;
using Cockpit.Training.Data;
using Cockpit.Training.Training;
using Cockpit.Understanding;
using Cockpit.Understanding.Catalog;

// Cockpit.Training: data generation, training, export and measurement of the understanding model.
//   train    [--out DIR] [--steps N] [--batch N] [--threads N] [--train N] [--test N] [--seed N] [--variant mole|dense|moe]
//            [--dim N] [--layers N] [--heads N] [--experts N] [--expert-hidden N] [--shared-hidden N] [--minutes M] [--ema 0.998] [--dropout P] [--unseen-characters 0.02]
//            [--lr 0.0015] [--warmup N] [--init DIR]   (--init: continue from an exported model's vocabulary and weights)
//   smoke    [--out DIR]   a tiny model in seconds (CI): trains, exports, opens it with the C# runtime
//   table    [--model DIR] [--cache DIR]   builds (or checks) the lookup table cache of an exported model
//   measure  [--model DIR] [--cache DIR] [--human DIR] [--massive DIR] [--update true] [--draw-seed N] [--table float16|int8] [--report FILE] [--ablate true]
//            the understanding table (generator held-out, human dev and test, MASSIVE dev), latency and memory through the C# runtime
//   generate [--out DIR] [--train N] [--test N] [--seed N]   writes train.jsonl / heldout.jsonl for inspection
Console.OutputEncoding = Encoding.UTF8;
var flags = new CommandFlags(args);
var verb = flags.Verb;
int Int(string name, int fallback) => flags.Int(name, fallback);
string Str(string name, string fallback) => flags.Str(name, fallback);
var defaults = new TrainingOptions();
switch (verb)
{
    case "train":
        return new TrainingPipeline(
            new TrainingOptions
            {
                OutputDirectory = Str("out", defaults.OutputDirectory),
                Steps = Int("steps", defaults.Steps),
                Batch = Int("batch", defaults.Batch),
                Threads = Int("threads", defaults.Threads),
                TrainSamples = Int("train", defaults.TrainSamples),
                TestSamples = Int("test", defaults.TestSamples),
                Seed = Int("seed", defaults.Seed),
                Variant = Str("variant", defaults.Variant),
                Dim = Int("dim", defaults.Dim),
                Layers = Int("layers", defaults.Layers),
                Heads = Int("heads", defaults.Heads),
                Experts = Int("experts", defaults.Experts),
                ExpertHidden = Int("expert-hidden", defaults.ExpertHidden),
                SharedHidden = Int("shared-hidden", defaults.SharedHidden),
                EvalEvery = Int("eval-every", defaults.EvalEvery),
                Dropout = float.Parse(Str("dropout", defaults.Dropout.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture),
                EmaDecay = float.Parse(Str("ema", defaults.EmaDecay.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture),
                UnseenCharacterRate = double.Parse(Str("unseen-characters", defaults.UnseenCharacterRate.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture),
                MaxMinutes = float.Parse(Str("minutes", defaults.MaxMinutes.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture),
                LearningRate = float.Parse(Str("lr", defaults.LearningRate.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture),
                Warmup = Int("warmup", defaults.Warmup),
                InitialModel = flags.Find("init"),
                PhrasebookRepeat = Int("phrasebook-repeat", defaults.PhrasebookRepeat),
                MassiveRepeat = Int("massive-repeat", defaults.MassiveRepeat),
            },
            Console.Out).Run();
    case "smoke":
        return new TrainingPipeline(SmokeOptions.Create(Str("out", Path.Combine(Path.GetTempPath(), "cockpit-smoke"))), Console.Out).Run();
    case "table":
        return ModelCommands.BuildTable(Str("model", "models/understanding"), Str("cache", "models/cache"), Console.Out);
    case "measure":
        return ModelCommands.Measure(
            Str("model", "models/understanding"),
            Str("cache", "models/cache"),
            defaults with { MassiveDirectory = Str("massive", defaults.MassiveDirectory), HumanDirectory = Str("human", defaults.HumanDirectory) },
            Str("update", "false") == "true",
            Str("draw-seed", "") is { Length: > 0 } draw ? int.Parse(draw, CultureInfo.InvariantCulture) : null,
            Enum.Parse<LookupTablePrecision>(Str("table", nameof(LookupTablePrecision.Float16)), ignoreCase: true),
            flags.Find("report"),
            Str("ablate", "false") == "true",
            Console.Out);
    case "generate":
    {
        var dir = Str("out", "artifacts/data");
        Directory.CreateDirectory(dir);
        var generator = new DataGenerator(ActionCatalog.Default);
        var seed = Int("seed", defaults.Seed);
        var labelled = new Cockpit.Training.Labels.GeneratorLabels(ActionCatalog.Default, new Cockpit.Understanding.Model.LabelSet(ActionCatalog.Default));
        Cockpit.Training.Measurement.EvaluationSets.WriteHeldOut(Path.Combine(dir, "train.jsonl"), generator.Generate(Int("train", 2000), false, seed).Select(labelled.From).OfType<Cockpit.Training.Labels.LabeledUtterance>());
        Cockpit.Training.Measurement.EvaluationSets.WriteHeldOut(Path.Combine(dir, "heldout.jsonl"), generator.Generate(Int("test", 500), true, seed + 1).Select(labelled.From).OfType<Cockpit.Training.Labels.LabeledUtterance>());
        Console.WriteLine($"wrote {dir}/train.jsonl and {dir}/heldout.jsonl");
        return 0;
    }

    default:
        Console.WriteLine("usage: Cockpit.Training train|smoke|generate [--out DIR] [--steps N] ... (see src/Cockpit.Training/README.md)");
        return verb == "help" ? 0 : 2;
}
