using System.Threading.Channels;

namespace Cockpit.Speech.Audio;

/// <summary>
/// Audio pushed in chunks of raw PCM, e.g. from a client-streamed gRPC call. The producer calls <see cref="Write"/>
/// for each chunk and then <see cref="Complete"/> (the end of the utterance; in push-to-talk the button's release) or
/// <see cref="Abort"/> (the stream broke off). Thread-safe for one producer and one reader.
/// </summary>
public sealed class PushAudioSource : IAudioSource
{
    private readonly Channel<float[]> channel = Channel.CreateUnbounded<float[]>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = false });
    private readonly PcmStreamConverter converter;
    private readonly Lock gate = new();
    private readonly int maxChunkBytes;
    private float[] current = [];
    private int offset;
    private bool ended;

    /// <summary>Creates a source for chunks in <paramref name="format"/>.</summary>
    /// <param name="format">The layout of the pushed bytes.</param>
    /// <param name="maxChunkBytes">The largest chunk accepted.</param>
    /// <param name="maxDuration">The most audio accepted in total.</param>
    /// <exception cref="AudioInputException">The format is not supported.</exception>
    public PushAudioSource(PcmFormat format, int maxChunkBytes, TimeSpan maxDuration)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxChunkBytes);
        converter = new PcmStreamConverter(format, maxDuration);
        Format = format;
        this.maxChunkBytes = maxChunkBytes;
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
        lock (gate)
        {
            if (ended)
            {
                throw new InvalidOperationException("The audio stream has already ended.");
            }

            if (pcm.Length > maxChunkBytes)
            {
                Fail(new AudioInputException(
                    AudioErrorKind.ChunkTooLarge, $"audio chunk of {pcm.Length} bytes is larger than the limit of {maxChunkBytes} bytes"));
            }

            try
            {
                converter.Write(pcm);
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
        lock (gate)
        {
            if (ended)
            {
                return;
            }

            ended = true;
            converter.Complete();
            Publish();
            channel.Writer.TryComplete();
        }
    }

    /// <summary>Ends the audio abnormally: the reader fails with <see cref="AudioErrorKind.StreamInterrupted"/>.</summary>
    public void Abort(string reason)
    {
        lock (gate)
        {
            if (ended)
            {
                return;
            }

            ended = true;
            channel.Writer.TryComplete(new AudioInputException(AudioErrorKind.StreamInterrupted, $"audio stream stopped mid-utterance: {reason}"));
        }
    }

    /// <inheritdoc />
    public async ValueTask<int> ReadAsync(Memory<float> buffer, CancellationToken cancellationToken)
    {
        while (offset == current.Length)
        {
            // A channel completed with an error rethrows it here: the producer's AudioInputException.
            if (!await channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return 0;
            }

            if (channel.Reader.TryRead(out var next))
            {
                current = next;
                offset = 0;
            }
        }

        var count = Math.Min(buffer.Length, current.Length - offset);
        current.AsSpan(offset, count).CopyTo(buffer.Span);
        offset += count;
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
        if (converter.Pending > 0)
        {
            var samples = new float[converter.Pending];
            converter.Read(samples);
            channel.Writer.TryWrite(samples);
        }
    }

    private void Fail(AudioInputException error)
    {
        ended = true;
        channel.Writer.TryComplete(error);
        throw error;
    }
}
