using System.Threading.Channels;

namespace Cockpit.Speech.Audio;

/// <summary>
/// Audio pushed in chunks of raw PCM, e.g. from a client-streamed gRPC call. The producer calls <see cref="Write"/>
/// for each chunk and then <see cref="Complete"/> (the end of the utterance; in push-to-talk the button's release) or
/// <see cref="Abort"/> (the stream broke off). Thread-safe for one producer and one reader.
/// </summary>
public sealed class PushAudioSource : IAudioSource
{
    private readonly Channel<float[]> _channel = Channel.CreateUnbounded<float[]>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = false });
    private readonly PcmStreamConverter _converter;
    private readonly Lock _gate = new();
    private readonly int _maxChunkBytes;
    private float[] _current = [];
    private int _offset;
    private bool _ended;

    /// <summary>Creates a source for chunks in <paramref name="format"/>.</summary>
    /// <param name="format">The layout of the pushed bytes.</param>
    /// <param name="maxChunkBytes">The largest chunk accepted.</param>
    /// <param name="maxDuration">The most audio accepted in total.</param>
    /// <exception cref="AudioInputException">The format is not supported.</exception>
    public PushAudioSource(PcmFormat format, int maxChunkBytes, TimeSpan maxDuration)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxChunkBytes);
        _converter = new PcmStreamConverter(format, maxDuration);
        Format = format;
        _maxChunkBytes = maxChunkBytes;
    }

    /// <summary>The layout of the pushed bytes.</summary>
    public PcmFormat Format { get; }

    /// <summary>
    /// Adds one chunk. A chunk over the size limit or past the duration limit is refused; the reader then sees the
    /// same error.
    /// </summary>
    /// <exception cref="AudioInputException">Chunk too large, audio too long, or the source already ended.</exception>
    public void Write(ReadOnlySpan<byte> pcm)
    {
        lock (_gate)
        {
            if (_ended)
            {
                throw new InvalidOperationException("The audio stream has already ended.");
            }

            if (pcm.Length > _maxChunkBytes)
            {
                Fail(new AudioInputException(
                    AudioErrorKind.ChunkTooLarge, $"audio chunk of {pcm.Length} bytes is larger than the limit of {_maxChunkBytes} bytes"));
            }

            try
            {
                _converter.Write(pcm);
            }
            catch (AudioInputException error)
            {
                Fail(error);
            }

            Publish();
        }
    }

    /// <summary>Ends the audio normally: the reader gets what is left, then 0.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            if (_ended)
            {
                return;
            }

            _ended = true;
            _converter.Complete();
            Publish();
            _channel.Writer.TryComplete();
        }
    }

    /// <summary>Ends the audio abnormally: the reader fails with <see cref="AudioErrorKind.StreamInterrupted"/>.</summary>
    public void Abort(string reason)
    {
        lock (_gate)
        {
            if (_ended)
            {
                return;
            }

            _ended = true;
            _channel.Writer.TryComplete(new AudioInputException(AudioErrorKind.StreamInterrupted, $"audio stream stopped mid-utterance: {reason}"));
        }
    }

    /// <inheritdoc />
    public async ValueTask<int> ReadAsync(Memory<float> buffer, CancellationToken cancellationToken)
    {
        while (_offset == _current.Length)
        {
            // A channel completed with an error rethrows it here: the producer's AudioInputException.
            if (!await _channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return 0;
            }

            if (_channel.Reader.TryRead(out var next))
            {
                _current = next;
                _offset = 0;
            }
        }

        var count = Math.Min(buffer.Length, _current.Length - _offset);
        _current.AsSpan(_offset, count).CopyTo(buffer.Span);
        _offset += count;
        return count;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Abort("the reader went away");
        return ValueTask.CompletedTask;
    }

    private void Publish()
    {
        if (_converter.Pending > 0)
        {
            var samples = new float[_converter.Pending];
            _converter.Read(samples);
            _channel.Writer.TryWrite(samples);
        }
    }

    private void Fail(AudioInputException error)
    {
        _ended = true;
        _channel.Writer.TryComplete(error);
        throw error;
    }
}
