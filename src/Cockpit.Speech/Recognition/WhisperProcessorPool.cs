using Whisper.net;

namespace Cockpit.Speech.Recognition;

/// <summary>
/// A bounded pool of Whisper processors over one loaded model. Whisper.net fixes a processor's initial prompt when it
/// is built, so idle processors are kept with their (language, prompt) key and reused when the key matches; the
/// prompt changes only with the HMI's content, so most requests find one. At most <c>size</c> processors exist and
/// run at once; the others wait their turn.
/// </summary>
internal sealed class WhisperProcessorPool : IAsyncDisposable
{
    private readonly Func<ProcessorKey, WhisperProcessor> build;
    private readonly SemaphoreSlim slots;
    private readonly List<(ProcessorKey Key, WhisperProcessor Processor)> idle = [];
    private readonly Lock gate = new();
    private readonly int size;
    private int created;
    private bool disposed;

    /// <summary>Creates a pool of at most <paramref name="size"/> processors made by <paramref name="build"/>.</summary>
    public WhisperProcessorPool(int size, Func<ProcessorKey, WhisperProcessor> build)
    {
        this.size = size;
        this.build = build;
        slots = new SemaphoreSlim(size, size);
    }

    /// <summary>Processors built so far (a rebuild for a new prompt counts).</summary>
    public int Built { get; private set; }

    /// <summary>Waits for a free slot and returns a processor for <paramref name="key"/>.</summary>
    public async Task<WhisperProcessor> RentAsync(ProcessorKey key, CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        WhisperProcessor? stale = null;
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            var index = idle.FindIndex(entry => entry.Key == key);
            if (index >= 0)
            {
                var found = idle[index].Processor;
                idle.RemoveAt(index);
                return found;
            }

            if (created >= size && idle.Count > 0)
            {
                stale = idle[0].Processor;
                idle.RemoveAt(0);
                created--;
            }

            created++;
            Built++;
        }

        if (stale is not null)
        {
            await stale.DisposeAsync().ConfigureAwait(false);
        }

        try
        {
            return build(key);
        }
        catch
        {
            lock (gate)
            {
                created--;
            }

            slots.Release();
            throw;
        }
    }

    /// <summary>Gives a processor back; <paramref name="healthy"/> false (a cancelled or failed run) disposes it.</summary>
    public async ValueTask ReturnAsync(ProcessorKey key, WhisperProcessor processor, bool healthy)
    {
        var keep = false;
        lock (gate)
        {
            if (healthy && !disposed)
            {
                idle.Add((key, processor));
                keep = true;
            }
            else
            {
                created--;
            }
        }

        if (!keep)
        {
            await processor.DisposeAsync().ConfigureAwait(false);
        }

        slots.Release();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        List<(ProcessorKey Key, WhisperProcessor Processor)> toDispose;
        lock (gate)
        {
            disposed = true;
            toDispose = [.. idle];
            idle.Clear();
        }

        foreach (var (_, processor) in toDispose)
        {
            await processor.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>What a processor was built for.</summary>
    internal readonly record struct ProcessorKey(string Language, string? Prompt);
}
