using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Cockpit.Vehicle.Grpc;

/// <summary>
/// Whether a caller may open one more kuksa.val.v2 subscription: at most <see cref="VehicleOptions.MaxSubscriptionsPerCaller"/>
/// per caller, at most <see cref="VehicleOptions.MaxSubscriptions"/> in all, and callers other than
/// <see cref="VehicleOptions.SystemSubjects"/> together at most <c>MaxSubscriptions − ReservedSubscriptions</c>, so the
/// system's own clients always find room. System subjects are limited per caller too: otherwise one of them could take
/// the room kept for the others.
/// </summary>
/// <remarks>
/// A granted slot is a lease that the subscription holds until it ends, whichever way it ends; disposing the lease
/// gives the slot back, once however often it is called. Only callers holding a slot are remembered, so many callers
/// coming and going cost nothing.
/// </remarks>
internal sealed class SubscriptionQuota
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _held = new(StringComparer.Ordinal);
    private readonly HashSet<string> _system;
    private readonly int _maximum;
    private readonly int _perCaller;
    private readonly int _reserved;
    private readonly ILogger<SubscriptionQuota> _logger;
    private int _total;
    private int _shared;

    /// <summary>Takes the limits from <paramref name="options"/> once; they hold for the life of the service.</summary>
    public SubscriptionQuota(IOptions<VehicleOptions> options, ILogger<SubscriptionQuota> logger)
    {
        var limits = options.Value;
        _maximum = limits.MaxSubscriptions;
        _perCaller = limits.MaxSubscriptionsPerCaller;
        _reserved = limits.ReservedSubscriptions;
        _system = new HashSet<string>(limits.SystemSubjects, StringComparer.Ordinal);
        _logger = logger;
    }

    /// <summary>Slots held, all callers together.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _total;
            }
        }
    }

    /// <summary>Slots <paramref name="caller"/> holds.</summary>
    public int CountOf(string caller)
    {
        lock (_gate)
        {
            return _held.GetValueOrDefault(caller);
        }
    }

    /// <summary>
    /// A slot for <paramref name="caller"/> (a token's subject), held until the returned lease is disposed; when there is
    /// none, RESOURCE_EXHAUSTED with a message that names the caller, the limit and the option that sets it.
    /// </summary>
    public IDisposable Acquire(string caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var system = _system.Contains(caller);
        string refusal;
        lock (_gate)
        {
            var held = _held.GetValueOrDefault(caller);
            if (Refusal(caller, held, system) is not { } reason)
            {
                _held[caller] = held + 1;
                _total++;
                _shared += system ? 0 : 1;
                return new Lease(this, caller, system);
            }

            refusal = reason;
        }

        Log.SubscriptionRefused(_logger, caller, refusal);
        throw new RpcException(new Status(StatusCode.ResourceExhausted, refusal));
    }

    /// <summary>Why <paramref name="caller"/> gets no slot, or null. Its own limit comes first: that is the one it can do something about.</summary>
    private string? Refusal(string caller, int held, bool system)
    {
        if (held >= _perCaller)
        {
            return $"'{caller}' holds {held} subscriptions already, the most one caller may (Vehicle:MaxSubscriptionsPerCaller); close one and try again";
        }

        if (_total >= _maximum)
        {
            return $"'{caller}': the vehicle service serves {_maximum} subscriptions already (Vehicle:MaxSubscriptions); close one and try again";
        }

        if (!system && _shared >= _maximum - _reserved)
        {
            return $"'{caller}': callers other than the system's clients hold {_shared} subscriptions together already, the most they may " +
                $"(Vehicle:MaxSubscriptions less the {_reserved} Vehicle:ReservedSubscriptions kept for {string.Join(", ", _system)}); close one and try again";
        }

        return null;
    }

    private void Release(string caller, bool system)
    {
        lock (_gate)
        {
            _total--;
            _shared -= system ? 0 : 1;
            if (_held[caller] == 1)
            {
                _held.Remove(caller);
            }
            else
            {
                _held[caller]--;
            }
        }
    }

    private sealed class Lease(SubscriptionQuota quota, string caller, bool system) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                quota.Release(caller, system);
            }
        }
    }
}
