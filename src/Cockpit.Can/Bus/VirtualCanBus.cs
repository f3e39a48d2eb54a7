using Cockpit.Can.Frames;

namespace Cockpit.Can.Bus;

/// <summary>
/// An in-memory CAN bus: every frame sent reaches every subscriber whose filter passes it, the sender's own
/// subscriptions included (as with SocketCAN loopback). Frames are delivered on the sending thread, or on a timer
/// when <see cref="CanFaultOptions.DelayRate"/> holds them back. A frame sent by a handler while another frame is
/// being delivered waits until that delivery is complete (still before the outer send returns), so every
/// subscriber sees frames in wire order: a request before the answer it caused. Optional faults follow
/// <see cref="CanFaultOptions"/>.
/// </summary>
public sealed class VirtualCanBus : ICanBus
{
    // Frames sent from inside a handler on this thread, delivered in order once the current delivery is complete.
    [ThreadStatic]
    private static Queue<(VirtualCanBus Bus, CanFrame Frame)>? t_queued;

    [ThreadStatic]
    private static bool t_delivering;

    private readonly Lock _gate = new();
    private readonly CanFaultOptions _faults;
    private readonly TimeProvider _timeProvider;
    private readonly Random _random;
    private readonly HashSet<ITimer> _pending = [];
    private Subscription[] _subscriptions = [];
    private long _sent;
    private long _dropped;
    private long _corrupted;
    private long _delayed;
    private bool _disposed;

    /// <summary>Creates a bus.</summary>
    /// <param name="name">The interface name used in logs. The default is <c>vcan0</c>.</param>
    /// <param name="faults">Faults to inject; none when <see langword="null"/>.</param>
    /// <param name="timeProvider">The clock for delayed frames; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    public VirtualCanBus(string name = "vcan0", CanFaultOptions? faults = null, TimeProvider? timeProvider = null)
    {
        Name = name;
        _faults = faults ?? new CanFaultOptions();
        _timeProvider = timeProvider ?? TimeProvider.System;
        _random = new Random(_faults.Seed);
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>Frames passed to <see cref="SendAsync"/>.</summary>
    public long SentCount => Interlocked.Read(ref _sent);

    /// <summary>Frames lost to <see cref="CanFaultOptions.DropRate"/>.</summary>
    public long DroppedCount => Interlocked.Read(ref _dropped);

    /// <summary>Frames delivered with a flipped bit.</summary>
    public long CorruptedCount => Interlocked.Read(ref _corrupted);

    /// <summary>Frames held back by <see cref="CanFaultOptions.Delay"/>.</summary>
    public long DelayedCount => Interlocked.Read(ref _delayed);

    /// <inheritdoc />
    public ValueTask SendAsync(CanFrame frame, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(_disposed, this);
        Interlocked.Increment(ref _sent);
        if (!_faults.IsEnabled)
        {
            Deliver(frame);
            return ValueTask.CompletedTask;
        }

        bool drop, corrupt, delay;
        int bit = 0;
        lock (_gate)
        {
            // Three draws per frame whatever the outcome, so one fault's rate does not shift the others' sequence.
            drop = _random.NextDouble() < _faults.DropRate;
            corrupt = _random.NextDouble() < _faults.CorruptRate && frame.Length > 0;
            delay = _random.NextDouble() < _faults.DelayRate;
            if (corrupt)
            {
                bit = _random.Next(frame.Length * 8);
            }
        }

        if (drop)
        {
            Interlocked.Increment(ref _dropped);
            return ValueTask.CompletedTask;
        }

        if (corrupt)
        {
            Interlocked.Increment(ref _corrupted);
            frame = FlipBit(frame, bit);
        }

        if (delay && _faults.Delay > TimeSpan.Zero)
        {
            Interlocked.Increment(ref _delayed);
            DeliverLater(frame);
        }
        else
        {
            Deliver(frame);
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public IDisposable Subscribe(CanIdFilter filter, Action<CanFrame> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var subscription = new Subscription(this, filter, handler);
        lock (_gate)
        {
            _subscriptions = [.. _subscriptions, subscription];
        }

        return subscription;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            _disposed = true;
            _subscriptions = [];
            foreach (var timer in _pending)
            {
                timer.Dispose();
            }

            _pending.Clear();
        }

        return ValueTask.CompletedTask;
    }

    private void Deliver(CanFrame frame)
    {
        if (t_delivering)
        {
            (t_queued ??= new()).Enqueue((this, frame));
            return;
        }

        t_delivering = true;
        try
        {
            DeliverNow(frame);
            while (t_queued is { Count: > 0 } queued)
            {
                var (bus, next) = queued.Dequeue();
                bus.DeliverNow(next);
            }
        }
        finally
        {
            t_delivering = false;
            t_queued?.Clear();
        }
    }

    private void DeliverNow(CanFrame frame)
    {
        // A copy-on-write array: handlers may subscribe or unsubscribe while frames are delivered.
        foreach (var subscription in Volatile.Read(ref _subscriptions))
        {
            if (subscription.Filter.Matches(frame))
            {
                subscription.Handler(frame);
            }
        }
    }

    private void DeliverLater(CanFrame frame)
    {
        lock (_gate)
        {
            ITimer? timer = null;
            timer = _timeProvider.CreateTimer(_ =>
            {
                lock (_gate)
                {
                    if (!_pending.Remove(timer!))
                    {
                        return;
                    }
                }

                timer!.Dispose();
                Deliver(frame);
            }, null, _faults.Delay, Timeout.InfiniteTimeSpan);
            _pending.Add(timer);
        }
    }

    private static CanFrame FlipBit(CanFrame frame, int bit)
    {
        var data = frame.Data.ToArray();
        data[bit / 8] ^= (byte)(1 << (bit % 8));
        return new CanFrame(frame.Id, data, frame.IsExtended, frame.IsFd, frame.BitRateSwitch, frame.ErrorStateIndicator);
    }

    private void Unsubscribe(Subscription subscription)
    {
        lock (_gate)
        {
            _subscriptions = Array.FindAll(_subscriptions, s => s != subscription);
        }
    }

    private sealed class Subscription(VirtualCanBus bus, CanIdFilter filter, Action<CanFrame> handler) : IDisposable
    {
        public CanIdFilter Filter { get; } = filter;

        public Action<CanFrame> Handler { get; } = handler;

        public void Dispose() => bus.Unsubscribe(this);
    }
}
