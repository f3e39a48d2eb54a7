using System.Diagnostics;
using System.Globalization;
using Cockpit.Speech.Recognition.Ggml;
using Cockpit.Training.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Cockpit.Speech.Training;

/// <summary>
/// Trains <see cref="SpeechWhisperModel"/> on the corpus' precomputed features with teacher forcing on
/// [start-of-transcript, language, transcribe, no-timestamps, units…, end-of-text], AdamW, warm-up and cosine decay
/// over the step or time budget; every <see cref="SpeechTrainingOptions.CheckpointEvery"/> steps it exports
/// <c>model.bin</c> (ggml) and saves <c>state.dat</c>, so whatever stops the run leaves a model. With
/// <see cref="SpeechTrainingOptions.CtcOnly"/> it trains the encoder on the CTC loss alone, and with
/// <see cref="SpeechTrainingOptions.EvalEvery"/> it logs the greedy CTC error on training and held-out clips.
/// </summary>
internal sealed class SpeechTrainer(SpeechTrainingOptions options, TextWriter log)
{
    public const string ModelFile = "model.bin";
    public const string StateFile = "state.dat";
    public const string LogFile = "train.log";

    public int Run()
    {
        if (options.Resume is not null && options.Init is not null)
        {
            throw new ArgumentException("--resume and --init each name where to start; give one of them");
        }

        torch.set_num_threads(options.Threads);
        torch.manual_seed(options.Seed);
        Directory.CreateDirectory(options.OutputDirectory);
        using var file = new StreamWriter(Path.Combine(options.OutputDirectory, LogFile), append: true) { AutoFlush = true };
        void Log(string line)
        {
            log.WriteLine(line);
            file.WriteLine($"{DateTime.UtcNow:HH:mm:ss} {line}");
        }

        var config = options.Model;
        var vocabularyFile = options.Vocabulary ?? Path.Combine(options.CorpusDirectory, SpeechCorpus.VocabularyFile);
        var vocabulary = SpeechVocabulary.Load(vocabularyFile);
        File.Copy(vocabularyFile, Path.Combine(options.OutputDirectory, SpeechCorpus.VocabularyFile), overwrite: true);
        var entries = SpeechCorpus.ReadTrainIndex(options.CorpusDirectory);
        var frames = 2 * config.AudioContext;
        var clipValues = config.Mels * frames;
        var features = ReadFeatures(Path.Combine(options.CorpusDirectory, SpeechCorpus.TrainFeatures), entries.Count * (long)clipValues);
        var targets = entries.Select(e => vocabulary.Encode(e.Transcript)).ToArray();
        var usable = Enumerable.Range(0, entries.Count).Where(i => targets[i] is not null).ToArray();
        if (options.LimitTrain > 0)
        {
            usable = usable[..Math.Min(options.LimitTrain, usable.Length)];
        }

        var melFilters = GgmlWhisperModelWriter.DefaultMelFilters(config.Mels);
        SpeechCtcProbe? heldOut = null;
        SpeechCtcProbe? seen = null;
        if (options.EvalEvery > 0)
        {
            heldOut = SpeechCtcProbe.HeldOut(options.CorpusDirectory, new LogMelFrontEnd(melFilters, config.Mels, frames), config, options.EvalClips);
            seen = new SpeechCtcProbe([.. usable.Take(options.EvalClips).Select(i => (entries[i].Lang, entries[i].Transcript, Mel(features, i, clipValues)))], config);
        }

        Log($"corpus: {entries.Count} clips ({usable.Length} encodable), {vocabulary.Units.Count} units; model d={config.Dim} heads={config.Heads} layers={config.AudioLayers}+{config.TextLayers} ctx={config.AudioContext}/{config.TextContext}; batch {options.Batch}, {options.Threads} thread(s)");

        using var model = new SpeechWhisperModel(config, vocabulary.CompactSize);
        if (options.Resume is { } resume)
        {
            model.load(resume, strict: false);
            Log($"resumed from {resume}");
        }
        else if (options.Init is { } init)
        {
            var (hyper, tensors) = GgmlWhisperModelReader.Read(init);
            if (hyper != config.HyperParameters())
            {
                throw new InvalidDataException($"{init} has hyper-parameters {hyper}; this run's model has {config.HyperParameters()}");
            }

            model.ImportWeights(tensors, vocabulary);
            Log($"continuing from {init} (the CTC head starts afresh)");
        }

        var parameterCount = model.parameters().Sum(p => p.numel());
        Log($"parameters (compact embedding): {parameterCount:N0}");
        var optimizer = torch.optim.AdamW(options.CtcOnly ? model.EncoderParameters() : model.parameters(), options.LearningRate, weight_decay: 0.01);
        var rng = new Random(options.Seed);
        var watch = Stopwatch.StartNew();
        var deadline = TimeSpan.FromMinutes(options.MaxMinutes);
        var melBuffer = new float[options.Batch * clipValues];
        var smoothed = double.NaN;
        var step = 0;
        while (step < options.Steps && watch.Elapsed < deadline)
        {
            step++;
            var lr = WarmupCosineSchedule.LearningRate(options.LearningRate, step, options.Warmup, options.Steps, watch.Elapsed / deadline);
            foreach (var g in optimizer.ParamGroups)
            {
                g.LearningRate = lr;
            }

            float lossValue;
            using (var scope = torch.NewDisposeScope())
            {
                var batch = Enumerable.Range(0, options.Batch).Select(_ => usable[rng.Next(usable.Length)]).ToArray();
                for (var b = 0; b < batch.Length; b++)
                {
                    var source = features.AsSpan((int)((long)batch[b] * clipValues), clipValues);
                    var destination = melBuffer.AsSpan(b * clipValues, clipValues);
                    for (var i = 0; i < clipValues; i++)
                    {
                        destination[i] = (float)source[i];
                    }
                }

                var mel = torch.tensor(melBuffer, [options.Batch, config.Mels, frames]);
                model.train();
                var audio = model.Encode(mel);
                var loss = options.CtcOnly ? CtcLoss(model, audio, batch.Select(i => targets[i]!).ToArray(), vocabulary) : DecoderLoss(model, audio, batch, entries, targets, vocabulary);
                if (!options.CtcOnly && options.CtcWeight > 0)
                {
                    // While a fresh head learns, its random gradient must not reach the trained encoder.
                    var ctcInput = step <= options.CtcHeadSteps ? audio.detach() : audio;
                    loss = loss + (options.CtcWeight * CtcLoss(model, ctcInput, batch.Select(i => targets[i]!).ToArray(), vocabulary));
                }
                optimizer.zero_grad();
                loss.backward();
                torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0);
                optimizer.step();
                lossValue = loss.item<float>();
            }

            smoothed = double.IsNaN(smoothed) ? lossValue : (0.98 * smoothed) + (0.02 * lossValue);
            if (step <= 5 || step % 25 == 0)
            {
                Log($"step {step} loss {lossValue:F4} (avg {smoothed:F4}) lr {lr:E2} {watch.Elapsed.TotalSeconds / step:F3} s/step {watch.Elapsed.TotalMinutes:F1} min");
            }

            if (heldOut is not null && seen is not null && (step % options.EvalEvery == 0 || step == 1))
            {
                Probe(model, vocabulary, seen, heldOut, step, smoothed, Log);
            }

            if (step % options.CheckpointEvery == 0)
            {
                Checkpoint(model, vocabulary, melFilters, step, smoothed, watch.Elapsed, Log);
            }
        }

        if (heldOut is not null && seen is not null && (step == 0 || step % options.EvalEvery != 0))
        {
            Probe(model, vocabulary, seen, heldOut, step, smoothed, Log);
        }

        Checkpoint(model, vocabulary, melFilters, step, smoothed, watch.Elapsed, Log);
        Log($"done: {step} steps in {watch.Elapsed.TotalMinutes:F1} min, {watch.Elapsed.TotalSeconds / Math.Max(1, step):F3} s/step");
        return 0;
    }

    /// <summary>
    /// The CTC loss of the encoder output [B, T, d] against each clip's units: every encoder position is an input
    /// frame (the padding after the speech is silence the head learns to call blank), the blank is the head's last
    /// class, and the mean divides each clip's loss by its target length.
    /// </summary>
    public static Tensor CtcLoss(SpeechWhisperModel model, Tensor audio, int[][] units, SpeechVocabulary vocabulary)
    {
        var flat = torch.tensor(units.SelectMany(u => u).Select(u => (long)u).ToArray());
        var lengths = torch.tensor(units.Select(u => (long)u.Length).ToArray());
        var positions = torch.full(units.Length, audio.shape[1], dtype: ScalarType.Int64);
        return torch.nn.functional.ctc_loss(model.CtcLogProbabilities(audio), flat, positions, lengths, blank: vocabulary.Units.Count, zero_infinity: true);
    }

    /// <summary>Decoder inputs (prefix + units) and targets (units + end-of-text; -100 under the prefix and padding).</summary>
    public static (Tensor Input, Tensor Target) Tokens(IReadOnlyList<(string Lang, int[] Units)> batch, SpeechVocabulary vocabulary)
    {
        var length = batch.Max(b => b.Units.Length) + 4;
        var input = new long[batch.Count * length];
        var target = new long[batch.Count * length];
        Array.Fill(input, vocabulary.CompactEndOfText);
        Array.Fill(target, -100L);
        for (var b = 0; b < batch.Count; b++)
        {
            var row = b * length;
            var prefix = vocabulary.Prefix(batch[b].Lang);
            var sequence = prefix.Concat(batch[b].Units).ToArray();
            for (var i = 0; i < sequence.Length; i++)
            {
                input[row + i] = sequence[i];
            }

            for (var i = 3; i < sequence.Length; i++)
            {
                target[row + i] = i + 1 < sequence.Length ? sequence[i + 1] : vocabulary.CompactEndOfText;
            }
        }

        return (torch.tensor(input, [batch.Count, length]), torch.tensor(target, [batch.Count, length]));
    }

    private static void Probe(SpeechWhisperModel model, SpeechVocabulary vocabulary, SpeechCtcProbe seen, SpeechCtcProbe heldOut, int step, double loss, Action<string> log)
    {
        var watch = Stopwatch.StartNew();
        var train = seen.Measure(model, vocabulary);
        var test = heldOut.Measure(model, vocabulary);
        log(string.Create(CultureInfo.InvariantCulture, $"eval step {step} loss {loss:F4} ctc-greedy train {100 * train.ErrorRate:F1}% ({seen.Count} clips) held-out {100 * test.ErrorRate:F1}% (zh CER {100 * test.ZhErrorRate:F1}%, en WER {100 * test.EnErrorRate:F1}%, all-clip CER {100 * test.CharacterErrorRate:F1}%, {heldOut.Count} clips) {watch.Elapsed.TotalSeconds:F0} s; {test.Example}"));
    }

    private static Tensor DecoderLoss(SpeechWhisperModel model, Tensor audio, int[] batch, List<SpeechClipEntry> entries, int[]?[] targets, SpeechVocabulary vocabulary)
    {
        var (input, target) = Tokens(batch.Select(i => (entries[i].Lang, targets[i]!)).ToList(), vocabulary);
        var logits = model.Decode(input, audio);
        return torch.nn.functional.cross_entropy(logits.reshape(-1, logits.shape[^1]), target.reshape(-1), ignore_index: -100);
    }

    private static float[] Mel(Half[] features, int clip, int clipValues)
    {
        var mel = new float[clipValues];
        var source = features.AsSpan((int)((long)clip * clipValues), clipValues);
        for (var i = 0; i < clipValues; i++)
        {
            mel[i] = (float)source[i];
        }

        return mel;
    }

    private void Checkpoint(SpeechWhisperModel model, SpeechVocabulary vocabulary, float[] melFilters, int step, double loss, TimeSpan elapsed, Action<string> log)
    {
        var watch = Stopwatch.StartNew();
        model.eval();
        var info = SpeechModelExporter.Export(model, vocabulary, melFilters, Path.Combine(options.OutputDirectory, ModelFile));
        model.save(Path.Combine(options.OutputDirectory, StateFile));
        File.WriteAllText(
            Path.Combine(options.OutputDirectory, "checkpoint.txt"),
            string.Create(CultureInfo.InvariantCulture, $"step {step}\nloss {loss:F4}\nminutes {elapsed.TotalMinutes:F1}\ns_per_step {elapsed.TotalSeconds / Math.Max(1, step):F3}\nbytes {info.FileBytes}\n"));
        log($"checkpoint at step {step}: {info.FileBytes / 1e6:F1} MB, {watch.Elapsed.TotalSeconds:F1} s");
    }

    private static Half[] ReadFeatures(string path, long values)
    {
        var result = new Half[values];
        using var stream = File.OpenRead(path);

        // A span of bytes is limited to 2 GB, and a corpus with several copies of each clip is larger.
        const int chunk = 1 << 28;
        for (long offset = 0; offset < values; offset += chunk)
        {
            stream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(result.AsSpan((int)offset, (int)Math.Min(chunk, values - offset))));
        }

        return result;
    }
}
