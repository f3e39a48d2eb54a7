using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Cockpit.Speech.Recognition.Ggml;
using Cockpit.Speech.Synthesis;
using Cockpit.Training.Data;
using Cockpit.Understanding.Catalog;

namespace Cockpit.Speech.Training;

/// <summary>One training clip of the corpus: its transcript and where its features lie in <c>train.mel</c>.</summary>
internal sealed record SpeechClipEntry(string Lang, string Transcript, string Voice, int Rate, int Pitch, string Condition, string Template);

/// <summary>One held-out clip: clean audio (with its silence) in <c>test.f32</c> at <paramref name="Offset"/>.</summary>
internal sealed record SpeechTestEntry(string Lang, string Transcript, string Voice, int Rate, int Pitch, float SpeechRms, long Offset, int Length, string Template);

/// <summary>
/// Builds the synthetic corpus: bilingual commands from <see cref="DataGenerator"/> (training phrasings for training,
/// held-out phrasings for test), spoken by espeak-ng, placed in silence and cabin noise, turned into whisper.cpp's
/// log-mel features (f16) for training; the test set keeps clean audio so evaluation can add its own noise and run
/// the real recogniser. Everything is seeded; utterances longer than the window or the token budget are dropped.
/// </summary>
internal sealed class SpeechCorpus(SpeechCorpusOptions options, TextWriter log)
{
    public const string TrainFeatures = "train.mel";
    public const string TrainIndex = "train.tsv";
    public const string TestAudio = "test.f32";
    public const string TestIndex = "test.tsv";
    public const string VocabularyFile = "vocabulary.txt";
    public const string InfoFile = "corpus.txt";

    public int Build()
    {
        var dir = options.OutputDirectory;
        Directory.CreateDirectory(dir);
        var generator = new DataGenerator(ActionCatalog.Default);
        var frontEnd = new LogMelFrontEnd(GgmlWhisperModelWriter.DefaultMelFilters(options.Mels), options.Mels, 2 * options.AudioContext);
        var started = DateTime.UtcNow;

        // Training.
        var rng = new Random(options.Seed);
        var samples = generator.Generate(options.TrainUtterances, false, options.Seed);
        var plans = samples.Select(s => (Sample: s, Voice: SpeechVoices.Train(s.Lang, rng), Seed: rng.Next())).ToList();
        var rendered = Render(plans.Select(p => (p.Sample, p.Voice, p.Seed)).ToList(), frontEnd, training: true);
        var units = new HashSet<string>(StringComparer.Ordinal);
        var kept = 0;
        using (var mel = new BinaryWriter(File.Create(Path.Combine(dir, TrainFeatures))))
        using (var index = new StreamWriter(Path.Combine(dir, TrainIndex), false, new UTF8Encoding(false)))
        {
            foreach (var clip in rendered.Where(c => c is not null))
            {
                kept++;
                units.UnionWith(SpokenText.Units(clip!.Transcript));
                foreach (var (features, condition) in clip.Copies)
                {
                    foreach (var v in features)
                    {
                        mel.Write((Half)v);
                    }

                    index.WriteLine(string.Join('\t', clip.Lang, clip.Transcript, clip.Voice, clip.Rate.ToString(CultureInfo.InvariantCulture), clip.Pitch.ToString(CultureInfo.InvariantCulture), condition, clip.Template));
                }
            }
        }

        new SpeechVocabulary(units).Save(Path.Combine(dir, VocabularyFile));
        log.WriteLine($"train: {kept} of {samples.Count} utterances fit the {options.AudioContext / 50.0:F1} s window and {options.MaxUnits} units; {kept * options.Copies} clips; {units.Count} units; {(DateTime.UtcNow - started).TotalSeconds:F0} s");

        // Held-out test: held-out phrasings, held-out voices, clean audio.
        var testRng = new Random(options.Seed + 1);
        var testSamples = generator.Generate(options.TestUtterances, true, options.Seed + 1);
        var testPlans = testSamples.Select(s => (s, SpeechVoices.Test(s.Lang, testRng), testRng.Next())).ToList();
        var testRendered = Render(testPlans, frontEnd, training: false);
        var testKept = 0;
        long offset = 0;
        using (var audio = new BinaryWriter(File.Create(Path.Combine(dir, TestAudio))))
        using (var index = new StreamWriter(Path.Combine(dir, TestIndex), false, new UTF8Encoding(false)))
        {
            foreach (var clip in testRendered.Where(c => c is not null))
            {
                testKept++;
                foreach (var v in clip!.Audio)
                {
                    audio.Write(v);
                }

                index.WriteLine(string.Join('\t', clip.Lang, clip.Transcript, clip.Voice, clip.Rate.ToString(CultureInfo.InvariantCulture), clip.Pitch.ToString(CultureInfo.InvariantCulture), clip.SpeechRms.ToString("R", CultureInfo.InvariantCulture), offset.ToString(CultureInfo.InvariantCulture), clip.Audio.Length.ToString(CultureInfo.InvariantCulture), clip.Template));
                offset += clip.Audio.Length;
            }
        }

        var hash = DataHash(dir);
        File.WriteAllText(Path.Combine(dir, InfoFile), $"seed {options.Seed}\ntrain_utterances {kept}/{samples.Count}\ncopies {options.Copies}\ntest_utterances {testKept}/{testSamples.Count}\naudio_ctx {options.AudioContext}\nmels {options.Mels}\nmax_units {options.MaxUnits}\nunits {units.Count}\ndata_sha256 {hash}\n");
        log.WriteLine($"test: {testKept} of {testSamples.Count} held-out utterances; data sha256 {hash}; {(DateTime.UtcNow - started).TotalSeconds:F0} s in all");
        return 0;
    }

    /// <summary>SHA-256 over the corpus' index files (which fix the features given the code and espeak-ng).</summary>
    public static string DataHash(string dir)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in new[] { TrainIndex, TestIndex, VocabularyFile })
        {
            sha.AppendData(File.ReadAllBytes(Path.Combine(dir, file)));
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    public static List<SpeechClipEntry> ReadTrainIndex(string dir) =>
        [.. File.ReadLines(Path.Combine(dir, TrainIndex), Encoding.UTF8).Select(l => l.Split('\t')).Select(f => new SpeechClipEntry(f[0], f[1], f[2], Int(f[3]), Int(f[4]), f[5], f[6]))];

    public static List<SpeechTestEntry> ReadTestIndex(string dir) =>
        [.. File.ReadLines(Path.Combine(dir, TestIndex), Encoding.UTF8).Select(l => l.Split('\t')).Select(f => new SpeechTestEntry(f[0], f[1], f[2], Int(f[3]), Int(f[4]), float.Parse(f[5], CultureInfo.InvariantCulture), long.Parse(f[6], CultureInfo.InvariantCulture), Int(f[7]), f[8]))];

    /// <summary>The clean audio of a test entry.</summary>
    public static float[] ReadTestAudio(string dir, SpeechTestEntry entry)
    {
        using var stream = File.OpenRead(Path.Combine(dir, TestAudio));
        stream.Position = entry.Offset * 4;
        var bytes = new byte[entry.Length * 4];
        stream.ReadExactly(bytes);
        var audio = new float[entry.Length];
        Buffer.BlockCopy(bytes, 0, audio, 0, bytes.Length);
        return audio;
    }

    private static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);

    private List<Rendered?> Render(List<(Sample Sample, (string Voice, int Rate, int Pitch) Voice, int Seed)> plans, LogMelFrontEnd frontEnd, bool training)
    {
        var results = new Rendered?[plans.Count];
        var done = 0;
        Parallel.For(0, plans.Count, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism }, i =>
        {
            results[i] = RenderOne(plans[i].Sample, plans[i].Voice, plans[i].Seed, frontEnd, training);
            if (Interlocked.Increment(ref done) % 500 == 0)
            {
                log.WriteLine($"  {done}/{plans.Count} rendered");
            }
        });
        return [.. results];
    }

    private Rendered? RenderOne(Sample sample, (string Voice, int Rate, int Pitch) voice, int seed, LogMelFrontEnd frontEnd, bool training)
    {
        var speakable = SpokenText.Speakable(sample.Text, sample.Lang);
        var transcript = SpokenText.Transcript(speakable);
        var units = SpokenText.Units(transcript);
        if (units.Count == 0 || units.Count > options.MaxUnits)
        {
            return null;
        }

        var rng = new Random(seed);
        float[] clean;
        try
        {
            clean = SpeechVoices.Synthesizer(voice.Voice).SynthesizeAsync(speakable, sample.Lang, voice.Rate, voice.Pitch).GetAwaiter().GetResult().Samples.ToArray();
        }
        catch (SpeechSynthesisException error)
        {
            log.WriteLine($"  espeak-ng failed for {voice.Voice} '{speakable}': {error.Message}");
            return null;
        }

        var (onset, offset) = Activity(clean);
        var speech = clean[onset..offset];
        var placed = CabinAugmenter.Place(speech, 0.05 + (rng.NextDouble() * 0.35), 0.05 + (rng.NextDouble() * 0.35));
        if (placed.Length > frontEnd.MaxSamples)
        {
            return null;
        }

        var rms = CabinAugmenter.SpeechRms(speech);
        var copies = new List<(float[] Features, string Condition)>();
        if (training)
        {
            for (var c = 0; c < options.Copies; c++)
            {
                double? snr = rng.NextDouble() < 0.15 ? null : rng.NextDouble() * 25;
                var gain = Math.Pow(10, (rng.NextDouble() * 30 - 20) / 20);
                var reverb = rng.NextDouble() < 0.2;
                var telephone = rng.NextDouble() < 0.1;
                if (options.Clean)
                {
                    (snr, reverb, telephone) = (null, false, false);
                }

                var audio = CabinAugmenter.Apply(placed, rms, snr, gain, reverb, telephone, rng);
                var condition = $"{(snr is { } s ? s.ToString("F1", CultureInfo.InvariantCulture) + "dB" : "clean")}{(reverb ? "+rev" : "")}{(telephone ? "+tel" : "")}";
                copies.Add((frontEnd.Compute(audio), condition));
            }
        }

        return new Rendered(sample.Lang, transcript, voice.Voice, voice.Rate, voice.Pitch, sample.Template, placed, rms, copies);
    }

    /// <summary>First and one past the last sample of the 10 ms windows within 40 dB of the loudest one.</summary>
    private static (int Onset, int Offset) Activity(float[] clean)
    {
        const int window = 160;
        var energies = Enumerable.Range(0, clean.Length / window).Select(w => CabinAugmenter.Rms(clean.AsSpan(w * window, window))).ToArray();
        var floor = energies.Max() * 0.01f;
        var first = Array.FindIndex(energies, e => e > floor);
        var last = Array.FindLastIndex(energies, e => e > floor);
        return (first * window, Math.Min(clean.Length, (last + 2) * window));
    }

    private sealed record Rendered(string Lang, string Transcript, string Voice, int Rate, int Pitch, string Template, float[] Audio, float SpeechRms, List<(float[] Features, string Condition)> Copies);
}
