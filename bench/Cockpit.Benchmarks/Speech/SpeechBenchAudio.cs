using Cockpit.Speech;
using Cockpit.Speech.Synthesis;

namespace Cockpit.Benchmarks.Speech;

/// <summary>
/// Benchmark audio made with espeak-ng (as in the speech tests): sentences in both languages at three rates, placed
/// after 1 s of silence with 1.5 s after, white or pink noise at a given SNR (none when null); the truth is the first
/// and last 10 ms window within 40 dB of the loudest.
/// </summary>
internal static class SpeechBenchAudio
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

    public static readonly int[] Rates = [130, 175, 220];

    /// <summary>One clip with white noise 20 dB down: samples, the true end of speech and the speech length in seconds.</summary>
    public static (float[] Samples, double SpeechEnd, double SpeechSeconds) Clip(string language, string text, int rate, int seed)
    {
        var (samples, _, end, seconds) = Clip(language, text, rate, seed, 20, pink: false);
        return (samples, end, seconds);
    }

    /// <summary>One clip: samples, the true start and end of speech, and the speech length in seconds.</summary>
    public static (float[] Samples, double SpeechStart, double SpeechEnd, double SpeechSeconds) Clip(string language, string text, int rate, int seed, double? snrDb, bool pink)
    {
        var clean = new EspeakSynthesizer(new SpeechOptions()).SynthesizeAsync(text, language, rate).GetAwaiter().GetResult().Samples.ToArray();
        const int window = 160;
        var energies = Enumerable.Range(0, clean.Length / window).Select(w => Rms(clean.AsSpan(w * window, window))).ToArray();
        var floor = energies.Max() * 0.01f;
        var first = Array.FindIndex(energies, e => e > floor) * window;
        var last = (Array.FindLastIndex(energies, e => e > floor) + 1) * window;
        var samples = new float[16_000 + clean.Length + 24_000];
        clean.CopyTo(samples, 16_000);
        if (snrDb is { } snr)
        {
            var noise = Noise(samples.Length, seed, pink);
            var scale = Rms(clean.AsSpan(first, last - first)) / (float)Math.Pow(10, snr / 20) / Rms(noise);
            for (var i = 0; i < samples.Length; i++)
            {
                samples[i] += scale * noise[i];
            }
        }

        return (samples, 1.0 + (first / 16_000.0), 1.0 + (last / 16_000.0), (last - first) / 16_000.0);
    }

    private static float[] Noise(int count, int seed, bool pink)
    {
        var random = new Random(seed);
        var noise = new float[count];
        double b0 = 0, b1 = 0, b2 = 0;
        for (var i = 0; i < count; i++)
        {
            var white = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            if (!pink)
            {
                noise[i] = (float)white;
                continue;
            }

            b0 = (0.99765 * b0) + (white * 0.0990460);
            b1 = (0.96300 * b1) + (white * 0.2965164);
            b2 = (0.57000 * b2) + (white * 1.0526913);
            noise[i] = (float)(b0 + b1 + b2 + (white * 0.1848));
        }

        return noise;
    }

    private static float Rms(ReadOnlySpan<float> samples)
    {
        double sum = 0;
        foreach (var x in samples)
        {
            sum += x * x;
        }

        return (float)Math.Sqrt(sum / samples.Length);
    }
}
