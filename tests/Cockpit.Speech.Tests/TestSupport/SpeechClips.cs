using System.Collections.Concurrent;
using Cockpit.Speech.Synthesis;

namespace Cockpit.Speech.Tests.TestSupport;

/// <summary>
/// Test speech made at test time with Debian's espeak-ng (voices en-us and cmn, several rates and pitches), padded
/// with silence and mixed with white or pink noise at a known SNR. The truth is measured on the clean synthesis:
/// the first and last 10 ms windows within 40 dB of the loudest one. Without espeak-ng the tests fail, naming the fix.
/// </summary>
internal static class SpeechClips
{
    public static readonly (string Language, string Text)[] Sentences =
    [
        ("en", "open the sunroof"),
        ("en", "set the driver temperature to twenty two degrees"),
        ("en", "turn on the rear defroster"),
        ("zh", "打开天窗"),
        ("zh", "主驾温度调到二十二度"),
        ("zh", "打开后挡风玻璃除雾"),
    ];

    public static readonly (int Rate, int Pitch)[] Voices = [(130, 35), (175, 50), (220, 75)];

    private static readonly ConcurrentDictionary<(string, int, int), float[]> Clean = new();
    private static readonly EspeakSynthesizer Synthesizer = new(new SpeechOptions());

    /// <summary>The clean synthesis of <paramref name="text"/> at 16 kHz.</summary>
    public static float[] Synthesize(string language, string text, int rate = 175, int pitch = 50) =>
        Clean.GetOrAdd((text, rate, pitch), _ =>
        {
            try
            {
                return Synthesizer.SynthesizeAsync(text, language, rate, pitch).GetAwaiter().GetResult().Samples.ToArray();
            }
            catch (SpeechSynthesisException error)
            {
                throw new InvalidOperationException(
                    "espeak-ng is required by the speech tests (it makes their audio): apt-get install -y espeak-ng. " + error.Message, error);
            }
        });

    /// <summary>
    /// The sentence with <paramref name="lead"/> s of silence before and <paramref name="trail"/> s after, plus noise
    /// at <paramref name="snrDb"/> dB below the speech (null: no noise).
    /// </summary>
    public static SpeechClip Make(string language, string text, int rate, int pitch, double? snrDb, bool pink = false, double lead = 1.0, double trail = 1.5, int seed = 1)
    {
        var clean = Synthesize(language, text, rate, pitch);
        var (onset, offset) = Activity(clean);
        var speech = clean.AsSpan(onset, offset - onset);
        var samples = Signals.Concat(Signals.Silence(lead), clean, Signals.Silence(trail));
        var name = $"{language} '{text}' {rate} wpm pitch {pitch}";
        if (snrDb is { } snr)
        {
            var rms = Signals.Rms(speech) / (float)Math.Pow(10, snr / 20);
            var noise = pink ? Signals.PinkNoise(samples.Length, rms, seed) : Signals.WhiteNoise(samples.Length, rms, seed);
            samples = Signals.Mix(samples, noise);
            name += $" {(pink ? "pink" : "white")} noise {snr} dB SNR";
        }

        var start = TimeSpan.FromSeconds(lead + (onset / (double)Signals.Rate));
        var end = TimeSpan.FromSeconds(lead + (offset / (double)Signals.Rate));
        return new SpeechClip(name, samples, start, end);
    }

    /// <summary>First and one past the last sample of the windows within 40 dB of the loudest 10 ms window.</summary>
    public static (int Onset, int Offset) Activity(float[] clean)
    {
        const int window = 160;
        var energies = Enumerable.Range(0, clean.Length / window).Select(w => Signals.Rms(clean.AsSpan(w * window, window))).ToArray();
        var floor = energies.Max() * 0.01f;
        var first = Array.FindIndex(energies, e => e > floor);
        var last = Array.FindLastIndex(energies, e => e > floor);
        return (first * window, (last + 1) * window);
    }
}
