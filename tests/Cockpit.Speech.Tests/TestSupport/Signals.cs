namespace Cockpit.Speech.Tests.TestSupport;

/// <summary>Deterministic test signals at 16 kHz unless said otherwise.</summary>
internal static class Signals
{
    public const int Rate = 16_000;

    public static float[] Silence(double seconds, int rate = Rate) => new float[(int)(seconds * rate)];

    public static float[] Sine(double hz, double seconds, int rate, float amplitude = 0.5f) =>
        Enumerable.Range(0, (int)(seconds * rate)).Select(i => amplitude * (float)Math.Sin(2 * Math.PI * hz * i / rate)).ToArray();

    /// <summary>A linear sweep from <paramref name="fromHz"/> to <paramref name="toHz"/>; also returns the instantaneous frequency.</summary>
    public static (float[] Samples, double[] Frequency) Sweep(double fromHz, double toHz, double seconds, int rate, float amplitude = 0.5f)
    {
        var n = (int)(seconds * rate);
        var samples = new float[n];
        var frequency = new double[n];
        var k = (toHz - fromHz) / seconds;
        for (var i = 0; i < n; i++)
        {
            var t = (double)i / rate;
            samples[i] = amplitude * (float)Math.Sin(2 * Math.PI * ((fromHz * t) + (k * t * t / 2)));
            frequency[i] = fromHz + (k * t);
        }

        return (samples, frequency);
    }

    /// <summary>The ideal sweep sampled at another rate (the reference for resampling).</summary>
    public static float SweepAt(double fromHz, double toHz, double seconds, double t, float amplitude = 0.5f)
    {
        var k = (toHz - fromHz) / seconds;
        return amplitude * (float)Math.Sin(2 * Math.PI * ((fromHz * t) + (k * t * t / 2)));
    }

    public static float[] WhiteNoise(int count, float rms, int seed)
    {
        var random = new Random(seed);
        var samples = new float[count];
        for (var i = 0; i < count; i++)
        {
            // Box-Muller: Gaussian noise with the given RMS.
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            samples[i] = rms * (float)(Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
        }

        return samples;
    }

    /// <summary>Pink-ish (1/f) noise, like road and fan noise, scaled to the given RMS.</summary>
    public static float[] PinkNoise(int count, float rms, int seed)
    {
        var white = WhiteNoise(count, 1f, seed);
        var pink = new float[count];
        double b0 = 0, b1 = 0, b2 = 0;
        for (var i = 0; i < count; i++)
        {
            b0 = (0.99765 * b0) + (white[i] * 0.0990460);
            b1 = (0.96300 * b1) + (white[i] * 0.2965164);
            b2 = (0.57000 * b2) + (white[i] * 1.0526913);
            pink[i] = (float)(b0 + b1 + b2 + (white[i] * 0.1848));
        }

        var scale = rms / Rms(pink);
        return pink.Select(x => x * scale).ToArray();
    }

    public static float Rms(ReadOnlySpan<float> samples)
    {
        if (samples.IsEmpty)
        {
            return 0f;
        }

        double sum = 0;
        foreach (var x in samples)
        {
            sum += x * x;
        }

        return (float)Math.Sqrt(sum / samples.Length);
    }

    public static float[] Concat(params float[][] parts) => parts.SelectMany(part => part).ToArray();

    /// <summary>Adds <paramref name="noise"/> (same length) to <paramref name="signal"/>.</summary>
    public static float[] Mix(float[] signal, float[] noise) => signal.Zip(noise, (a, b) => a + b).ToArray();

    public static double Decibels(double ratio) => 20 * Math.Log10(ratio);
}
