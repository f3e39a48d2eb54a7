using System.Threading.Channels;

namespace Cockpit.Vehicle.Signals;

/// <summary>
/// One subscriber's view of the store: the current values of its signals first, then every batch of
/// changes that touches them, in the order the store applied them. A slow reader keeps the newest
/// <c>capacity</c> batches; older ones are dropped, as KUKSA does with <c>buffer_size</c>.
/// </summary>
public sealed class SignalSubscription : IDisposable
{
    private readonly SignalStore _store;
    private readonly bool[] _wanted;
    private readonly Channel<SignalUpdate[]> _channel;

    internal SignalSubscription(SignalStore store, IEnumerable<int> ids, int capacity)
    {
        _store = store;
        _wanted = new bool[store.Catalog.Count + 1];
        foreach (var id in ids)
        {
            _wanted[id] = true;
        }

        _channel = Channel.CreateBounded<SignalUpdate[]>(new BoundedChannelOptions(Math.Max(1, capacity))
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
            SingleWriter = false,
        });
    }

    /// <summary>Batches of updates, each holding only this subscription's signals.</summary>
    public ChannelReader<SignalUpdate[]> Updates => _channel.Reader;

    /// <summary>Stops the subscription; the reader completes.</summary>
    public void Dispose()
    {
        _store.Unsubscribe(this);
        _channel.Writer.TryComplete();
    }

    /// <summary>Called by the store, under its lock, so batches arrive in the store's order.</summary>
    internal void Offer(SignalUpdate[] batch)
    {
        var matching = 0;
        foreach (var update in batch)
        {
            if (_wanted[update.Entry.Id])
            {
                matching++;
            }
        }

        if (matching == 0)
        {
            return;
        }

        if (matching == batch.Length)
        {
            _channel.Writer.TryWrite(batch);
            return;
        }

        var filtered = new SignalUpdate[matching];
        var index = 0;
        foreach (var update in batch)
        {
            if (_wanted[update.Entry.Id])
            {
                filtered[index++] = update;
            }
        }

        _channel.Writer.TryWrite(filtered);
    }

    internal void Complete() => _channel.Writer.TryComplete();
}
