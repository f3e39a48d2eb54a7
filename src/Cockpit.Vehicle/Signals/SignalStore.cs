using Cockpit.Vehicle.Vss;

namespace Cockpit.Vehicle.Signals;

/// <summary>
/// The current value of every signal and the target of every actuator, with change notification.
/// </summary>
/// <remarks>
/// Writers and subscription changes are serialised by one lock; notifications are handed to the
/// subscribers' bounded channels inside it (a non-blocking write), which is what keeps every
/// subscriber's view of each signal in the order the store applied the writes.
/// </remarks>
public sealed class SignalStore
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly SignalUpdate[] _current;
    private readonly object?[] _targets;
    private readonly long[] _reported;
    private SignalSubscription[] _subscriptions = [];
    private bool _completed;
    private List<SignalUpdate>? _batch;

    /// <summary>Creates a store in which no signal has a value yet.</summary>
    public SignalStore(VssCatalog catalog, TimeProvider time)
    {
        Catalog = catalog;
        _time = time;
        _current = new SignalUpdate[catalog.Count];
        _targets = new object?[catalog.Count];
        _reported = new long[catalog.Count];
        var now = time.GetUtcNow();
        foreach (var entry in catalog.Entries)
        {
            _current[entry.Id - 1] = new SignalUpdate(entry, null, now);
        }
    }

    /// <summary>The catalog whose signals the store holds.</summary>
    public VssCatalog Catalog { get; }

    /// <summary>Number of live subscriptions.</summary>
    public int SubscriptionCount => Volatile.Read(ref _subscriptions).Length;

    /// <summary>The current value of a signal (value null when it has none).</summary>
    public SignalUpdate Get(VssEntry entry) => Volatile.Read(ref _current[entry.Id - 1]);

    /// <summary>The current value, or null when the signal has none.</summary>
    public object? GetValue(VssEntry entry) => Get(entry).Value;

    /// <summary>
    /// How long ago the signal's value was last reported, changed or not (a cyclic frame repeating the same speed counts);
    /// null when it never was.
    /// </summary>
    public TimeSpan? SinceReported(VssEntry entry)
    {
        var reported = Volatile.Read(ref _reported[entry.Id - 1]);
        return reported == 0 ? null : _time.GetElapsedTime(reported);
    }

    /// <summary>An actuator's target (null when none was set).</summary>
    public object? GetTarget(VssEntry entry)
    {
        lock (_gate)
        {
            return _targets[entry.Id - 1];
        }
    }

    /// <summary>Sets actuator targets together.</summary>
    public void SetTargets(IReadOnlyList<(VssEntry Entry, object Value)> targets)
    {
        lock (_gate)
        {
            foreach (var (entry, value) in targets)
            {
                _targets[entry.Id - 1] = value;
            }
        }
    }

    /// <summary>
    /// Writes current values together and notifies subscribers of those that changed.
    /// With <paramref name="notifyUnchanged"/>, values equal to the old one are announced too
    /// (commands such as Media.Action, where repeating the same value is a new request).
    /// </summary>
    public void Publish(IReadOnlyList<(VssEntry Entry, object? Value)> values, bool notifyUnchanged = false)
    {
        ArgumentNullException.ThrowIfNull(values);
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            SignalUpdate[]? changed = null;
            var count = 0;
            for (var index = 0; index < values.Count; index++)
            {
                var (entry, value) = values[index];
                if (Write(entry, value, now, notifyUnchanged) is { } update)
                {
                    changed ??= new SignalUpdate[values.Count - index];
                    changed[count++] = update;
                }
            }

            if (changed is not null)
            {
                Notify(count == changed.Length ? changed : changed[..count]);
            }
        }
    }

    /// <summary>Writes one current value and notifies subscribers when it changed (see the list overload).</summary>
    public void Publish(VssEntry entry, object? value, bool notifyUnchanged = false)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (Write(entry, value, now, notifyUnchanged) is { } update)
            {
                Notify([update]);
            }
        }
    }

    /// <summary>
    /// Until <see cref="EndBatch"/>, values are written at once but subscribers hear of them in one batch
    /// at the end, so nobody sees half of an all-or-nothing request. The caller serialises writers.
    /// </summary>
    internal void BeginBatch()
    {
        lock (_gate)
        {
            _batch ??= [];
        }
    }

    /// <summary>Notifies subscribers of everything written since <see cref="BeginBatch"/>, as one batch.</summary>
    internal void EndBatch()
    {
        lock (_gate)
        {
            var batch = _batch;
            _batch = null;
            if (batch is { Count: > 0 })
            {
                Notify([.. batch]);
            }
        }
    }

    private SignalUpdate? Write(VssEntry entry, object? value, DateTimeOffset now, bool notifyUnchanged)
    {
        Volatile.Write(ref _reported[entry.Id - 1], Math.Max(_time.GetTimestamp(), 1));
        ref var slot = ref _current[entry.Id - 1];
        if (!notifyUnchanged && VssValues.AreEqual(slot.Value, value))
        {
            return null;
        }

        var update = new SignalUpdate(entry, value, now);
        Volatile.Write(ref slot, update);
        return update;
    }

    private void Notify(SignalUpdate[] batch)
    {
        if (_batch is not null)
        {
            _batch.AddRange(batch);
            return;
        }

        foreach (var subscription in _subscriptions)
        {
            subscription.Offer(batch);
        }
    }

    /// <summary>
    /// Subscribes to signals: the subscription first holds one batch with their current values, then
    /// every change. <paramref name="capacity"/> is the number of batches kept for a slow reader.
    /// </summary>
    /// <remarks>How many subscriptions a caller may hold is the API's concern (<c>Grpc/SubscriptionQuota</c>), not the store's.</remarks>
    public SignalSubscription Subscribe(IReadOnlyCollection<VssEntry> entries, int capacity)
    {
        var subscription = new SignalSubscription(this, entries.Select(entry => entry.Id), capacity);
        lock (_gate)
        {
            subscription.Offer([.. entries.Select(entry => _current[entry.Id - 1])]);
            if (_completed)
            {
                // The service is stopping: the subscriber gets the current values and the stream ends,
                // rather than holding the shutdown open.
                subscription.Complete();
            }
            else
            {
                _subscriptions = [.. _subscriptions, subscription];
            }
        }

        return subscription;
    }

    /// <summary>Ends every subscription, e.g. when the service stops; later subscriptions end after their first batch.</summary>
    public void CompleteAll()
    {
        lock (_gate)
        {
            _completed = true;
            foreach (var subscription in _subscriptions)
            {
                subscription.Complete();
            }

            _subscriptions = [];
        }
    }

    internal void Unsubscribe(SignalSubscription subscription)
    {
        lock (_gate)
        {
            _subscriptions = [.. _subscriptions.Where(candidate => !ReferenceEquals(candidate, subscription))];
        }
    }
}
