namespace Cockpit.Speech.Audio;

/// <summary>The layout of interleaved PCM audio: sample rate, channel count and sample encoding.</summary>
/// <param name="SampleRate">Frames per second, 1 000 to 384 000.</param>
/// <param name="Channels">Interleaved channels, 1 to 8; they are averaged to mono.</param>
/// <param name="SampleFormat">How each sample is stored.</param>
public readonly record struct PcmFormat(int SampleRate, int Channels, PcmSampleFormat SampleFormat)
{
    /// <summary>16 kHz mono 16-bit, the format of the eval scenarios and of the agent's voice stream by default.</summary>
    public static PcmFormat Speech16k { get; } = new(16_000, 1, PcmSampleFormat.Int16);

    /// <summary>Bytes per sample of one channel.</summary>
    public int BytesPerSample => SampleFormat switch
    {
        PcmSampleFormat.UInt8 => 1,
        PcmSampleFormat.Int16 => 2,
        PcmSampleFormat.Int24 => 3,
        PcmSampleFormat.Int32 or PcmSampleFormat.Float32 => 4,
        _ => 8,
    };

    /// <summary>Bytes per frame (one sample of every channel).</summary>
    public int BlockAlign => BytesPerSample * Channels;

    /// <summary>Throws <see cref="AudioInputException"/> (<see cref="AudioErrorKind.UnsupportedFormat"/>) when out of range.</summary>
    public void EnsureSupported()
    {
        if (SampleRate is < 1_000 or > 384_000)
        {
            throw new AudioInputException(AudioErrorKind.UnsupportedFormat, $"unsupported sample rate {SampleRate} Hz (1000 to 384000)");
        }

        if (Channels is < 1 or > 8)
        {
            throw new AudioInputException(AudioErrorKind.UnsupportedFormat, $"unsupported channel count {Channels} (1 to 8)");
        }

        if (!Enum.IsDefined(SampleFormat))
        {
            throw new AudioInputException(AudioErrorKind.UnsupportedFormat, $"unsupported sample format {SampleFormat}");
        }
    }
}
