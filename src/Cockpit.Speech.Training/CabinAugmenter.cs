namespace Cockpit.Speech.Training;

/// <summary>
/// Seeded cabin conditions for synthetic speech: silence around the utterance, a gain, and noise at a given SNR
/// (relative to the speech's RMS) made of road rumble (brown), broadband (pink or white) and engine hum
/// (a 25–60 Hz fundamental with harmonics); sometimes a small room (Schroeder reverb) or a telephone band.
/// </summary>
internal static class CabinAugmenter
{
    private const int Rate = LogMelFrontEnd.SampleRate;

    /// <summary>Places <paramref name="speech"/> in silence: lead and trail in seconds.</summary>
    public static float[] Place(float[] speech, double lead, double trail)
    {
        var result = new float[(int)(lead * Rate) + speech.Length + (int)(trail * Rate)];
        speech.CopyTo(result, (int)(lead * Rate));
        return result;
    }

    /// <summary>Adds cabin noise at <paramref name="snrDb"/> (null: none) and applies <paramref name="gain"/>.</summary>
    public static float[] Apply(float[] clip, float speechRms, double? snrDb, double gain, bool reverb, bool telephone, Random rng)
    {
        var x = (float[])clip.Clone();
        if (reverb)
        {
            x = Reverb(x, 0.15 + (rng.NextDouble() * 0.35), rng);
        }

        if (telephone)
        {
            x = Band(x, 300, 3400);
        }

        if (snrDb is { } snr)
        {
            var noise = Noise(x.Length, rng);
            var noiseRms = Rms(noise);
            var scale = speechRms / (float)Math.Pow(10, snr / 20) / Math.Max(noiseRms, 1e-9f);
            for (var i = 0; i < x.Length; i++)
            {
                x[i] += noise[i] * scale;
            }
        }

        var peak = x.Max(Math.Abs);
        var g = (float)Math.Min(gain, 0.99 / Math.Max(peak, 1e-9));
        for (var i = 0; i < x.Length; i++)
        {
            x[i] *= g;
        }

        return x;
    }

    public static float Rms(ReadOnlySpan<float> x)
    {
        double sum = 0;
        foreach (var v in x)
        {
            sum += v * v;
        }

        return (float)Math.Sqrt(sum / Math.Max(1, x.Length));
    }

    /// <summary>RMS of the part within 40 dB of the loudest 10 ms window (the speech, not its silence).</summary>
    public static float SpeechRms(float[] clean)
    {
        const int window = 160;
        var energies = Enumerable.Range(0, clean.Length / window).Select(w => Rms(clean.AsSpan(w * window, window))).ToArray();
        if (energies.Length == 0)
        {
            return Rms(clean);
        }

        var floor = energies.Max() * 0.01f;
        var active = energies.Where(e => e > floor).ToArray();
        return (float)Math.Sqrt(active.Average(e => e * e));
    }

    private static float[] Noise(int n, Random rng)
    {
        var brown = new float[n];
        var pink = new float[n];
        var hum = new float[n];
        double b = 0, p0 = 0, p1 = 0, p2 = 0;
        var white = rng.NextDouble() < 0.25;
        for (var i = 0; i < n; i++)
        {
            var w = Gaussian(rng);
            b = (0.995 * b) + (0.05 * w);
            brown[i] = (float)b;
            if (white)
            {
                pink[i] = (float)w;
            }
            else
            {
                // Paul Kellet's economy pink filter.
                p0 = (0.99765 * p0) + (w * 0.0990460);
                p1 = (0.96300 * p1) + (w * 0.2965164);
                p2 = (0.57000 * p2) + (w * 1.0526913);
                pink[i] = (float)(p0 + p1 + p2 + (w * 0.1848));
            }
        }

        var f0 = 25 + (rng.NextDouble() * 35);
        var harmonics = rng.Next(2, 7);
        var phases = Enumerable.Range(0, harmonics).Select(_ => rng.NextDouble() * 2 * Math.PI).ToArray();
        for (var i = 0; i < n; i++)
        {
            double v = 0;
            for (var h = 0; h < harmonics; h++)
            {
                v += Math.Sin((2 * Math.PI * f0 * (h + 1) * i / Rate) + phases[h]) / (h + 1);
            }

            hum[i] = (float)v;
        }

        var (wb, wp, wh) = (rng.NextDouble(), rng.NextDouble() * 0.8, rng.NextDouble() * 0.5);
        var (rb, rp, rh) = (Rms(brown), Rms(pink), Rms(hum));
        var noise = new float[n];
        for (var i = 0; i < n; i++)
        {
            noise[i] = (float)((wb * brown[i] / rb) + (wp * pink[i] / rp) + (wh * hum[i] / rh));
        }

        return noise;
    }

    private static float[] Reverb(float[] x, double decaySeconds, Random rng)
    {
        int[] combs = [1116, 1188, 1277, 1356];
        var wet = new float[x.Length];
        foreach (var delay in combs.Select(c => c + rng.Next(-40, 40)))
        {
            var feedback = (float)Math.Pow(10, -3.0 * delay / Rate / decaySeconds);
            var buffer = new float[x.Length];
            for (var i = 0; i < x.Length; i++)
            {
                buffer[i] = x[i] + (i >= delay ? feedback * buffer[i - delay] : 0f);
                wet[i] += buffer[i] * 0.25f;
            }
        }

        var mix = (float)(0.2 + (rng.NextDouble() * 0.3));
        return [.. x.Select((v, i) => v + (mix * (wet[i] - v) * 0.5f))];
    }

    private static float[] Band(float[] x, double low, double high)
    {
        // One-pole high-pass then one-pole low-pass, twice each: a soft telephone band.
        var y = (float[])x.Clone();
        for (var pass = 0; pass < 2; pass++)
        {
            var a = (float)Math.Exp(-2 * Math.PI * low / Rate);
            float prevX = 0, prevY = 0;
            for (var i = 0; i < y.Length; i++)
            {
                var v = a * (prevY + y[i] - prevX);
                prevX = y[i];
                prevY = v;
                y[i] = v;
            }

            var c = (float)(1 - Math.Exp(-2 * Math.PI * high / Rate));
            float state = 0;
            for (var i = 0; i < y.Length; i++)
            {
                state += c * (y[i] - state);
                y[i] = state;
            }
        }

        return y;
    }

    private static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
