using Cockpit.Speech.Audio;

namespace Cockpit.Speech.Synthesis;

/// <summary>A spoken reply: 16 kHz mono samples.</summary>
public sealed class SynthesizedSpeech
{
    /// <summary>Creates the reply audio.</summary>
    public SynthesizedSpeech(float[] samples) => Samples = samples;

    /// <summary>16 kHz mono samples in [-1, 1].</summary>
    public ReadOnlyMemory<float> Samples { get; }

    /// <summary>The sample rate: 16000.</summary>
    public const int SampleRate = IAudioSource.SampleRate;

    /// <summary>The length of the audio.</summary>
    public TimeSpan Duration => TimeSpan.FromSeconds(Samples.Length / (double)SampleRate);

    /// <summary>The audio as 16-bit little-endian PCM (the voice stream's format).</summary>
    public byte[] ToPcm16()
    {
        var bytes = new byte[Samples.Length * 2];
        PcmCodec.EncodeMono(Samples.Span, PcmSampleFormat.Int16, bytes);
        return bytes;
    }

    /// <summary>Writes the audio as a 16 kHz mono 16-bit WAV file.</summary>
    public void WriteWav(Stream stream) => WavWriter.Write(stream, PcmFormat.Speech16k, Samples.Span);
}
