using System.Buffers;

namespace Cockpit.Speech.Audio;

/// <summary>
/// Turns interleaved PCM bytes of any supported format into 16 kHz mono float: keeps a partial frame between writes,
/// averages channels, resamples, and enforces the duration limit.
/// </summary>
internal sealed class PcmStreamConverter
{
    private readonly PcmFormat _format;
    private readonly long _maxFrames;
    private readonly TimeSpan _maxDuration;
    private readonly PolyphaseResampler _resampler;
    private readonly ArrayBufferWriter<float> _pending = new(4096);
    private readonly byte[] _partial;
    private float[] _mono = new float[4096];
    private int _partialCount;
    private int _readOffset;

    /// <summary>Creates a converter for <paramref name="format"/> that refuses more than <paramref name="maxDuration"/> of audio.</summary>
    public PcmStreamConverter(PcmFormat format, TimeSpan maxDuration)
    {
        format.EnsureSupported();
        _format = format;
        _maxDuration = maxDuration;
        _maxFrames = (long)(maxDuration.TotalSeconds * format.SampleRate);
        _resampler = new PolyphaseResampler(format.SampleRate, IAudioSource.SampleRate);
        _partial = new byte[format.BlockAlign];
    }

    /// <summary>Input frames accepted so far.</summary>
    public long FramesIn { get; private set; }

    /// <summary>16 kHz samples converted and not yet read.</summary>
    public int Pending => _pending.WrittenCount - _readOffset;

    /// <summary>Decodes and converts <paramref name="pcm"/>; a trailing partial frame waits for the next write.</summary>
    /// <exception cref="AudioInputException">The audio would exceed the duration limit.</exception>
    public void Write(ReadOnlySpan<byte> pcm)
    {
        var blockAlign = _format.BlockAlign;
        if (_partialCount > 0)
        {
            var take = Math.Min(blockAlign - _partialCount, pcm.Length);
            pcm[..take].CopyTo(_partial.AsSpan(_partialCount));
            _partialCount += take;
            pcm = pcm[take..];
            if (_partialCount < blockAlign)
            {
                return;
            }

            Convert(_partial);
            _partialCount = 0;
        }

        var whole = pcm.Length / blockAlign * blockAlign;
        Convert(pcm[..whole]);
        pcm[whole..].CopyTo(_partial);
        _partialCount = pcm.Length - whole;
    }

    /// <summary>Ends the input: the resampler's tail becomes readable. A trailing partial frame is dropped.</summary>
    public void Complete() => _resampler.Flush(_pending);

    /// <summary>Copies converted samples into <paramref name="destination"/>; returns how many.</summary>
    public int Read(Span<float> destination)
    {
        var count = Math.Min(destination.Length, Pending);
        _pending.WrittenSpan.Slice(_readOffset, count).CopyTo(destination);
        _readOffset += count;
        if (_readOffset == _pending.WrittenCount)
        {
            _pending.ResetWrittenCount();
            _readOffset = 0;
        }

        return count;
    }

    private void Convert(ReadOnlySpan<byte> pcm)
    {
        var frames = pcm.Length / _format.BlockAlign;
        if (frames == 0)
        {
            return;
        }

        if (FramesIn + frames > _maxFrames)
        {
            throw new AudioInputException(
                AudioErrorKind.TooLong,
                $"audio is longer than the limit of {_maxDuration.TotalSeconds:0.###} s");
        }

        FramesIn += frames;
        if (_mono.Length < frames)
        {
            _mono = new float[frames];
        }

        PcmCodec.DecodeToMono(pcm, _format, _mono);
        _resampler.Process(_mono.AsSpan(0, frames), _pending);
    }
}
