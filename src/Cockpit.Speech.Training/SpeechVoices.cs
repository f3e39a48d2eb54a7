using System.Collections.Concurrent;
using Cockpit.Speech.Synthesis;

namespace Cockpit.Speech.Training;

/// <summary>
/// espeak-ng voices for the corpus. Training and test share accents but not variants (m6, m7, f3, f5 are never
/// heard in training), and test also has accents training never hears (en-us-nyc, en-gb-scotland), so every test
/// voice is a held-out voice. Rates differ by language because espeak-ng's Mandarin is slow at English rates.
/// </summary>
internal static class SpeechVoices
{
    private static readonly ConcurrentDictionary<string, EspeakSynthesizer> s_synthesizers = new(StringComparer.Ordinal);

    public static readonly string[] TrainEnglish = ["en-us", "en-gb", "en-gb-x-rp", "en-029", "en-gb-x-gbclan"];
    public static readonly string[] TestEnglish = ["en-us", "en-gb", "en-us-nyc", "en-gb-scotland"];
    public static readonly string[] TrainVariants = ["", "m1", "m2", "m3", "m4", "f1", "f2", "f4", "klatt", "klatt3"];
    public static readonly string[] TestVariants = ["m6", "m7", "f3", "f5"];

    /// <summary>A training voice, rate and pitch.</summary>
    public static (string Voice, int Rate, int Pitch) Train(string lang, Random rng)
    {
        var accent = lang == "zh" ? "cmn" : TrainEnglish[rng.Next(TrainEnglish.Length)];
        var variant = TrainVariants[rng.Next(TrainVariants.Length)];
        var rate = lang == "zh" ? rng.Next(220, 321) : rng.Next(135, 231);
        return (Join(accent, variant), rate, rng.Next(20, 81));
    }

    /// <summary>A held-out voice, rate and pitch.</summary>
    public static (string Voice, int Rate, int Pitch) Test(string lang, Random rng)
    {
        var accent = lang == "zh" ? "cmn" : TestEnglish[rng.Next(TestEnglish.Length)];
        var variant = TestVariants[rng.Next(TestVariants.Length)];
        var rate = lang == "zh" ? rng.Next(240, 301) : rng.Next(150, 211);
        return (Join(accent, variant), rate, rng.Next(30, 71));
    }

    /// <summary>One synthesiser per voice, shared by every caller (thread-safe).</summary>
    public static EspeakSynthesizer Synthesizer(string voice) =>
        s_synthesizers.GetOrAdd(voice, v => new EspeakSynthesizer(new SpeechOptions { EnglishVoice = v, MandarinVoice = v }));

    private static string Join(string accent, string variant) => variant.Length == 0 ? accent : accent + "+" + variant;
}
