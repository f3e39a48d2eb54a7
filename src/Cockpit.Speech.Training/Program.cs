using System.Globalization;
using System.Text;
using Cockpit.Speech.Training;
using Cockpit.Training;

// Cockpit.Speech.Training: the domain speech recogniser's corpus, training, export and measurement.
//   speech-corpus [--out DIR] [--train N] [--copies N] [--test N] [--seed N] [--threads N] [--clean true]   synthetic speech corpus
//   speech-train  [--corpus DIR] [--out DIR] [--minutes M] [--steps N] [--batch N] [--threads N] [--dim N] [--heads N]
//                 [--audio-layers N] [--text-layers N] [--lr X] [--warmup N] [--ctc 0.3] [--checkpoint-every N] [--resume state.dat]
//                 [--ctc-only true] [--eval-every N] [--eval-clips N] [--limit-train N]   (encoder-only CTC, greedy CTC error rates)
//                 [--vocabulary FILE]   (the unit table of the run --resume continues)
//                 [--init models/speech/ggml-cockpit-speech.bin --vocabulary models/speech/vocabulary.txt]   (continue a shipped model)
//                 [--ctc-head-steps N]   (the first N steps train a fresh CTC head alone)
//   speech-ship   [--corpus DIR] [--run DIR] [--out models/speech] [--snr clean,10] [--limit N] [--threads N]   copy, measure, manifest
//   speech-parity [--corpus DIR] [--run DIR] [--limit N] (+ the model flags)   TorchSharp vs whisper.cpp transcripts of one checkpoint
//   speech-eval   [--corpus DIR] [--model FILE] [--snr clean,10] [--limit N] [--threads N] [--report FILE]
//   speech-scenarios --scenarios FILE --out DIR [--seed N]   the file's voice twin: each text spoken by a held-out voice
Console.OutputEncoding = Encoding.UTF8;
var flags = new CommandFlags(args);
var verb = flags.Verb;
int Int(string name, int fallback) => flags.Int(name, fallback);
string Str(string name, string fallback) => flags.Str(name, fallback);
double Double(string name, double fallback) => flags.Double(name, fallback);
List<double?> Snrs() => [.. Str("snr", "clean,10").Split(',').Select(s => s == "clean" ? (double?)null : double.Parse(s, CultureInfo.InvariantCulture))];
SpeechModelConfig SpeechModel()
{
    var model = new SpeechModelConfig();
    return model with { Dim = Int("dim", model.Dim), Heads = Int("heads", model.Heads), AudioLayers = Int("audio-layers", model.AudioLayers), TextLayers = Int("text-layers", model.TextLayers) };
}

var speechCorpusDirectory = new SpeechCorpusOptions().OutputDirectory;
var speechRunDirectory = new SpeechTrainingOptions().OutputDirectory;
const string SpeechModelDirectory = "models/speech";

switch (verb)
{
    case "speech-corpus":
    {
        var corpusDefaults = new SpeechCorpusOptions();
        return new SpeechCorpus(
            new SpeechCorpusOptions
            {
                OutputDirectory = Str("out", corpusDefaults.OutputDirectory),
                TrainUtterances = Int("train", corpusDefaults.TrainUtterances),
                Copies = Int("copies", corpusDefaults.Copies),
                TestUtterances = Int("test", corpusDefaults.TestUtterances),
                Seed = Int("seed", corpusDefaults.Seed),
                Clean = Str("clean", "false") == "true",
                Parallelism = Int("threads", corpusDefaults.Parallelism),
            },
            Console.Out).Build();
    }

    case "speech-train":
    {
        var trainingDefaults = new SpeechTrainingOptions();
        return new SpeechTrainer(
            new SpeechTrainingOptions
            {
                CorpusDirectory = Str("corpus", trainingDefaults.CorpusDirectory),
                OutputDirectory = Str("out", trainingDefaults.OutputDirectory),
                Steps = Int("steps", trainingDefaults.Steps),
                Batch = Int("batch", trainingDefaults.Batch),
                Threads = Int("threads", trainingDefaults.Threads),
                MaxMinutes = Double("minutes", trainingDefaults.MaxMinutes),
                LearningRate = Double("lr", trainingDefaults.LearningRate),
                Seed = Int("seed", trainingDefaults.Seed),
                CheckpointEvery = Int("checkpoint-every", trainingDefaults.CheckpointEvery),
                Resume = flags.Find("resume"),
                Init = flags.Find("init"),
                Vocabulary = flags.Find("vocabulary"),
                CtcWeight = Double("ctc", trainingDefaults.CtcWeight),
                CtcHeadSteps = Int("ctc-head-steps", trainingDefaults.CtcHeadSteps),
                Warmup = Int("warmup", trainingDefaults.Warmup),
                CtcOnly = Str("ctc-only", "false") == "true",
                EvalEvery = Int("eval-every", trainingDefaults.EvalEvery),
                EvalClips = Int("eval-clips", trainingDefaults.EvalClips),
                LimitTrain = Int("limit-train", trainingDefaults.LimitTrain),
                Model = SpeechModel(),
            },
            Console.Out).Run();
    }

    case "speech-eval":
    {
        var results = await new SpeechEvaluator(Str("corpus", speechCorpusDirectory), Console.Out)
            .RunAsync(Str("model", Path.Combine(SpeechModelDirectory, SpeechModelShipper.ModelFileName)), Snrs(), Int("limit", 400), Int("threads", 1), flags.Find("report"));
        return results.Count > 0 ? 0 : 1;
    }

    case "speech-ship":
        return await new SpeechModelShipper(Str("corpus", speechCorpusDirectory), Str("run", speechRunDirectory), Str("out", SpeechModelDirectory), Console.Out)
            .RunAsync(Snrs(), Int("limit", 400), Int("threads", 1));

    case "speech-scenarios":
        return await new SpeechScenarios(Console.Out).BuildAsync(Str("scenarios", "../shared/eval/sample.jsonl"), Str("out", "artifacts/speech/scenarios"), Int("seed", 29));

    case "speech-parity":
        return await new SpeechParityCheck(Str("corpus", speechCorpusDirectory), Str("run", speechRunDirectory), SpeechModel(), Console.Out).RunAsync(Int("limit", 20));

    default:
        Console.WriteLine("usage: Cockpit.Speech.Training speech-corpus|speech-train|speech-ship|speech-parity|speech-eval|speech-scenarios [--flag value] ... (see src/Cockpit.Speech.Training/README.md)");
        return verb == "help" ? 0 : 2;
}
