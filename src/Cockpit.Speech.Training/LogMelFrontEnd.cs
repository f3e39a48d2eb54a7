using System.Numerics;

namespace Cockpit.Speech.Training;

/// <summary>
/// Whisper's log-mel features exactly as whisper.cpp computes them for the first window of an utterance: 16 kHz,
/// 400-sample periodic Hann frames every 160 samples over the audio reflected by 200 samples at the start and
/// zero-padded after, power spectrum, the mel filters stored in the model file, log10(max(·, 1e-10)) (frames past the
/// audio are log10(1e-10) without a transform, as whisper.cpp writes them), clamped to max − 8, then (x + 4) / 4.
/// </summary>
internal sealed class LogMelFrontEnd
{
    public const int SampleRate = 16_000;
    public const int FftSize = 400;
    public const int Hop = 160;
    public const int Bins = FftSize / 2 + 1;

    // whisper.cpp refuses input under 100 ms and the recogniser pads anything under a second to one second.
    private const int MinSamples = 16_000;
    private const int Pad = FftSize / 2;
    private readonly float[] _filters;
    private readonly float[] _cos;
    private readonly float[] _sin;
    private readonly float[] _hann;

    /// <param name="melFilters">Row per mel band, <see cref="Bins"/> weights each: the filters written into the model.</param>
    /// <param name="frames">Frames the encoder consumes: 2 × n_audio_ctx.</param>
    public LogMelFrontEnd(float[] melFilters, int mels, int frames)
    {
        _filters = melFilters;
        Mels = mels;
        Frames = frames;
        _hann = [.. Enumerable.Range(0, FftSize).Select(i => (float)(0.5 * (1 - Math.Cos(2 * Math.PI * i / FftSize))))];
        _cos = new float[Bins * FftSize];
        _sin = new float[Bins * FftSize];
        for (var k = 0; k < Bins; k++)
        {
            for (var n = 0; n < FftSize; n++)
            {
                var angle = 2 * Math.PI * ((long)k * n % FftSize) / FftSize;
                _cos[(k * FftSize) + n] = (float)Math.Cos(angle);
                _sin[(k * FftSize) + n] = (float)Math.Sin(angle);
            }
        }
    }

    public int Mels { get; }

    public int Frames { get; }

    /// <summary>The longest audio whose every frame falls inside the window.</summary>
    public int MaxSamples => ((Frames - 1) * Hop) - Pad;

    /// <summary>Features [mels × frames], row per mel band (the encoder's conv input layout).</summary>
    public float[] Compute(ReadOnlySpan<float> audio)
    {
        var n = Math.Max(audio.Length, MinSamples);
        var padded = new float[Math.Max(n + (2 * Pad), (Frames * Hop) + FftSize)];
        audio.CopyTo(padded.AsSpan(Pad));
        for (var i = 0; i < Pad; i++)
        {
            padded[Pad - 1 - i] = i + 1 < audio.Length ? audio[i + 1] : 0f;
        }

        var audioFrames = Math.Min((n + Pad) / Hop + 1, Frames);
        var mel = new float[Mels * Frames];
        Array.Fill(mel, -10f);
        var frame = new float[FftSize];
        var power = new float[Bins];
        for (var t = 0; t < audioFrames; t++)
        {
            for (var i = 0; i < FftSize; i++)
            {
                frame[i] = padded[(t * Hop) + i] * _hann[i];
            }

            for (var k = 0; k < Bins; k++)
            {
                var re = Dot(frame, _cos.AsSpan(k * FftSize, FftSize));
                var im = Dot(frame, _sin.AsSpan(k * FftSize, FftSize));
                power[k] = (re * re) + (im * im);
            }

            for (var m = 0; m < Mels; m++)
            {
                var sum = Dot(power, _filters.AsSpan(m * Bins, Bins));
                mel[(m * Frames) + t] = (float)Math.Log10(Math.Max(sum, 1e-10));
            }
        }

        var max = mel.Max();
        for (var i = 0; i < mel.Length; i++)
        {
            mel[i] = (Math.Max(mel[i], max - 8f) + 4f) / 4f;
        }

        return mel;
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var width = Vector<float>.Count;
        var acc = Vector<float>.Zero;
        var i = 0;
        for (; i <= a.Length - width; i += width)
        {
            acc += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
        }

        var sum = Vector.Sum(acc);
        for (; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}
