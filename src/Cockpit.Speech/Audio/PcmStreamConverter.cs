using System.Buffers;

namespace Cockpit.Speech.Audio;

/// <summary>
/// Turns interleaved PCM bytes of any supported format into 16 kHz mono float: keeps a partial frame between writes,
/// averages channels, resamples, and enforces the duration limit.
/// </summary>
internal sealed class PcmStreamConverter
{
    private readonly PcmFormat format;
    private readonly long maxFrames;
    private readonly TimeSpan maxDuration;
    private readonly PolyphaseResampler resampler;
    private readonly ArrayBufferWriter<float> pending = new(4096);
    private readonly byte[] partial;
    private float[] mono = new float[4096];
    private int partialCount;
    private int readOffset;

    /// <summary>Creates a converter for <paramref name="format"/> that refuses more than <paramref name="maxDuration"/> of audio.</summary>
    public PcmStreamConverter(PcmFormat format, TimeSpan maxDuration)
    {
        format.EnsureSupported();
        this.format = format;
        this.maxDuration = maxDuration;
        maxFrames = (long)(maxDuration.TotalSeconds * format.SampleRate);
        resampler = new PolyphaseResampler(format.SampleRate, IAudioSource.SampleRate);
        partial = new byte[format.BlockAlign];
    }

    /// <summary>Input frames accepted so far.</summary>
    public long FramesIn { get; private set; }

    /// <summary>16 kHz samples converted and not yet read.</summary>
    public int Pending => pending.WrittenCount - readOffset;

    /// <summary>Decodes and converts <paramref name="pcm"/>; a trailing partial frame waits for the next write.</summary>
    /// <exception cref="AudioInputException">The audio would exceed the duration limit.</exception>
    public void Write(ReadOnlySpan<byte> pcm)
    {
        var blockAlign = format.BlockAlign;
        if (partialCount > 0)
        {
            var take = Math.Min(blockAlign - partialCount, pcm.Length);
            pcm[..take].CopyTo(partial.AsSpan(partialCount));
            partialCount += take;
            pcm = pcm[take..];
            if (partialCount < blockAlign)
            {
                return;
            }

            Convert(partial);
            partialCount = 0;
        }

        var whole = pcm.Length / blockAlign * blockAlign;
        Convert(pcm[..whole]);
        pcm[whole..].CopyTo(partial);
        partialCount = pcm.Length - whole;
    }

    /// <summary>Ends the input: the resampler's tail becomes readable. A trailing partial frame is dropped.</summary>
    public void Complete() => resampler.Flush(pending);

    /// <summary>Copies converted samples into <paramref name="destination"/>; returns how many.</summary>
    public int Read(Span<float> destination)
    {
        var count = Math.Min(destination.Length, Pending);
        pending.WrittenSpan.Slice(readOffset, count).CopyTo(destination);
        readOffset += count;
        if (readOffset == pending.WrittenCount)
        {
            pending.ResetWrittenCount();
            readOffset = 0;
        }

        return count;
    }

    private void Convert(ReadOnlySpan<byte> pcm)
    {
        var frames = pcm.Length / format.BlockAlign;
        if (frames == 0)
        {
            return;
        }

        if (FramesIn + frames > maxFrames)
        {
            throw new AudioInputException(
                AudioErrorKind.TooLong,
                $"audio is longer than the limit of {maxDuration.TotalSeconds:0.###} s");
        }

        FramesIn += frames;
        if (mono.Length < frames)
        {
            mono = new float[frames];
        }

        PcmCodec.DecodeToMono(pcm, format, mono);
        resampler.Process(mono.AsSpan(0, frames), pending);
    }
}
