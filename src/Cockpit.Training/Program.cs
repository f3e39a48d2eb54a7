using System.Globalization;
using System.Text;
using Cockpit.Training.Data;
using Cockpit.Training.Training;
using Cockpit.Understanding.Catalog;

// Cockpit.Training: data generation, training, export and measurement of the understanding model.
//   train    [--out DIR] [--steps N] [--batch N] [--threads N] [--train N] [--test N] [--seed N] [--variant mole|dense|moe]
//            [--dim N] [--layers N] [--heads N] [--experts N] [--expert-hidden N] [--shared-hidden N] [--minutes M]
//   smoke    [--out DIR]   a tiny model in seconds (CI): trains, exports, opens it with the C# runtime
//   table    [--model DIR] [--cache DIR]   builds (or checks) the lookup table cache of an exported model
//   measure  [--model DIR] [--cache DIR] [--update true] [--min-confidence 0.25]   re-measures held-out accuracy and latency through the C# runtime
//   generate [--out DIR] [--train N] [--test N] [--seed N]   writes train.jsonl / heldout.jsonl for inspection
//   speech-corpus [--out DIR] [--train N] [--copies N] [--test N] [--seed N] [--threads N]   synthetic speech corpus (issue 8)
//   speech-train  [--corpus DIR] [--out DIR] [--minutes M] [--steps N] [--batch N] [--threads N] [--dim N] [--heads N]
//                 [--audio-layers N] [--text-layers N] [--lr X] [--warmup N] [--ctc 0.3] [--checkpoint-every N] [--resume state.dat]
//   speech-ship   [--corpus DIR] [--run DIR] [--out models/speech] [--snr clean,10] [--limit N] [--threads N]   copy, measure, manifest
//   speech-parity [--corpus DIR] [--run DIR] [--limit N] (+ the model flags)   TorchSharp vs whisper.cpp transcripts of one checkpoint
//   speech-eval   [--corpus DIR] [--model FILE] [--snr clean,10] [--limit N] [--threads N] [--report FILE]
Console.OutputEncoding = Encoding.UTF8;
var verb = args.Length > 0 ? args[0] : "help";
var flags = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 1; i + 1 < args.Length; i += 2)
{
    flags[args[i].TrimStart('-')] = args[i + 1];
}

int Int(string name, int fallback) => flags.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
string Str(string name, string fallback) => flags.GetValueOrDefault(name, fallback);

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
                MaxMinutes = float.Parse(Str("minutes", defaults.MaxMinutes.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture),
            },
            Console.Out).Run();
    case "smoke":
        return new TrainingPipeline(SmokeOptions.Create(Str("out", Path.Combine(Path.GetTempPath(), "cockpit-smoke"))), Console.Out).Run();
    case "table":
        return ModelCommands.BuildTable(Str("model", "models/understanding"), Str("cache", "models/cache"), Console.Out);
    case "measure":
        return ModelCommands.Measure(Str("model", "models/understanding"), Str("cache", "models/cache"), Str("update", "false") == "true", float.Parse(Str("min-confidence", "0.25"), CultureInfo.InvariantCulture), Console.Out);
    case "generate":
    {
        var dir = Str("out", "artifacts/data");
        Directory.CreateDirectory(dir);
        var generator = new DataGenerator(ActionCatalog.Default);
        var seed = Int("seed", defaults.Seed);
        TrainingPipeline.WriteHeldOut(Path.Combine(dir, "train.jsonl"), generator.Generate(Int("train", 2000), false, seed));
        TrainingPipeline.WriteHeldOut(Path.Combine(dir, "heldout.jsonl"), generator.Generate(Int("test", 500), true, seed + 1));
        Console.WriteLine($"wrote {dir}/train.jsonl and {dir}/heldout.jsonl");
        return 0;
    }

    case "speech-corpus":
        return new Cockpit.Training.Speech.SpeechCorpus(
            new Cockpit.Training.Speech.SpeechCorpusOptions
            {
                OutputDirectory = Str("out", "artifacts/speech/corpus"),
                TrainUtterances = Int("train", 5000),
                Copies = Int("copies", 2),
                TestUtterances = Int("test", 400),
                Seed = Int("seed", 8),
                Parallelism = Int("threads", 2),
            },
            Console.Out).Build();

    case "speech-train":
        return new Cockpit.Training.Speech.SpeechTrainer(
            new Cockpit.Training.Speech.SpeechTrainingOptions
            {
                CorpusDirectory = Str("corpus", "artifacts/speech/corpus"),
                OutputDirectory = Str("out", "artifacts/speech/run"),
                Steps = Int("steps", 100_000),
                Batch = Int("batch", 16),
                Threads = Int("threads", 1),
                MaxMinutes = double.Parse(Str("minutes", "60"), CultureInfo.InvariantCulture),
                LearningRate = double.Parse(Str("lr", "1.5e-3"), CultureInfo.InvariantCulture),
                Seed = Int("seed", 8),
                CheckpointEvery = Int("checkpoint-every", 250),
                Resume = flags.GetValueOrDefault("resume"),
                CtcWeight = double.Parse(Str("ctc", "0.3"), CultureInfo.InvariantCulture),
                Warmup = Int("warmup", 200),
                Model = new Cockpit.Training.Speech.SpeechModelConfig
                {
                    Dim = Int("dim", 192),
                    Heads = Int("heads", 3),
                    AudioLayers = Int("audio-layers", 3),
                    TextLayers = Int("text-layers", 2),
                },
            },
            Console.Out).Run();
    case "speech-eval":
    {
        var snrs = Str("snr", "clean,10").Split(',').Select(s => s == "clean" ? (double?)null : double.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var results = await new Cockpit.Training.Speech.SpeechEvaluator(Str("corpus", "artifacts/speech/corpus"), Console.Out)
            .RunAsync(Str("model", "models/speech/ggml-cockpit-speech.bin"), snrs, Int("limit", 400), Int("threads", 1), flags.GetValueOrDefault("report"));
        return results.Count > 0 ? 0 : 1;
    }

    case "speech-ship":
        return await new Cockpit.Training.Speech.SpeechModelShipper(Str("corpus", "artifacts/speech/corpus"), Str("run", "artifacts/speech/run"), Str("out", "models/speech"), Console.Out)
            .RunAsync([.. Str("snr", "clean,10").Split(',').Select(s => s == "clean" ? (double?)null : double.Parse(s, CultureInfo.InvariantCulture))], Int("limit", 400), Int("threads", 1));
    case "speech-parity":
        return await new Cockpit.Training.Speech.SpeechParityCheck(
            Str("corpus", "artifacts/speech/corpus"),
            Str("run", "artifacts/speech/run"),
            new Cockpit.Training.Speech.SpeechModelConfig { Dim = Int("dim", 192), Heads = Int("heads", 3), AudioLayers = Int("audio-layers", 3), TextLayers = Int("text-layers", 2) },
            Console.Out).RunAsync(Int("limit", 20));

    default:
        Console.WriteLine("usage: Cockpit.Training train|smoke|generate [--out DIR] [--steps N] ... (see src/Cockpit.Training/README.md)");
        return verb == "help" ? 0 : 2;
}
