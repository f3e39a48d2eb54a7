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
    private readonly Func<ProcessorKey, WhisperProcessor> _build;
    private readonly SemaphoreSlim _slots;
    private readonly List<(ProcessorKey Key, WhisperProcessor Processor)> _idle = [];
    private readonly Lock _gate = new();
    private readonly int _size;
    private int _created;
    private bool _disposed;

    /// <summary>Creates a pool of at most <paramref name="size"/> processors made by <paramref name="build"/>.</summary>
    public WhisperProcessorPool(int size, Func<ProcessorKey, WhisperProcessor> build)
    {
        _size = size;
        _build = build;
        _slots = new SemaphoreSlim(size, size);
    }

    /// <summary>Processors built so far (a rebuild for a new prompt counts).</summary>
    public int Built { get; private set; }

    /// <summary>Waits for a free slot and returns a processor for <paramref name="key"/>.</summary>
    public async Task<WhisperProcessor> RentAsync(ProcessorKey key, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        WhisperProcessor? stale = null;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var index = _idle.FindIndex(entry => entry.Key == key);
            if (index >= 0)
            {
                var found = _idle[index].Processor;
                _idle.RemoveAt(index);
                return found;
            }

            if (_created >= _size && _idle.Count > 0)
            {
                stale = _idle[0].Processor;
                _idle.RemoveAt(0);
                _created--;
            }

            _created++;
            Built++;
        }

        if (stale is not null)
        {
            await stale.DisposeAsync().ConfigureAwait(false);
        }

        try
        {
            return _build(key);
        }
        catch
        {
            lock (_gate)
            {
                _created--;
            }

            _slots.Release();
            throw;
        }
    }

    /// <summary>Gives a processor back; <paramref name="healthy"/> false (a cancelled or failed run) disposes it.</summary>
    public async ValueTask ReturnAsync(ProcessorKey key, WhisperProcessor processor, bool healthy)
    {
        var keep = false;
        lock (_gate)
        {
            if (healthy && !_disposed)
            {
                _idle.Add((key, processor));
                keep = true;
            }
            else
            {
                _created--;
            }
        }

        if (!keep)
        {
            await processor.DisposeAsync().ConfigureAwait(false);
        }

        _slots.Release();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        List<(ProcessorKey Key, WhisperProcessor Processor)> toDispose;
        lock (_gate)
        {
            _disposed = true;
            toDispose = [.. _idle];
            _idle.Clear();
        }

        foreach (var (_, processor) in toDispose)
        {
            await processor.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>What a processor was built for.</summary>
    internal readonly record struct ProcessorKey(string Language, string? Prompt);
}
