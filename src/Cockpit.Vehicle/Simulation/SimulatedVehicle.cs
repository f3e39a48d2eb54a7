using Cockpit.Vehicle.Can;
using Cockpit.Vehicle.Safety;
using Cockpit.Vehicle.Signals;
using Cockpit.Vehicle.Vss;
using Microsoft.Extensions.Options;

namespace Cockpit.Vehicle.Simulation;

/// <summary>
/// The simulated car. An actuation is validated against the catalog and the interlocks, all or nothing, before
/// anything is sent; then each target goes out as a CAN request frame (vss2dbc) to the ECU that owns it, the ECU
/// answers with status frames, and those (dbc2vss) become the current values. Signals the car's DBC does not carry
/// are served by the head unit's own ECU, which writes the signal store directly.
/// </summary>
/// <remarks>
/// The virtual bus delivers on the sending thread, so with no injected delay an ECU's answer is in the store when
/// <see cref="ActuateAsync"/> returns, and <see cref="Settle"/> moves every ECU and processes their frames in a
/// fixed order: the simulation stays deterministic.
/// </remarks>
public sealed class SimulatedVehicle
{
    private readonly Lock _gate = new();
    private readonly ActuationInterlocks _interlocks;
    private readonly SimulatedEcu _headUnit;
    private readonly VehicleCan? _can;
    private readonly TimeSpan _step;

    internal SimulatedVehicle(SignalStore store, ActuationInterlocks interlocks, IOptions<VehicleOptions> options, VehicleCan? can = null)
    {
        Signals = store;
        _interlocks = interlocks;
        _can = can;
        var settings = options.Value;
        _step = settings.TickInterval;
        var local = store.Catalog.Entries.Where(entry => can is null || !can.Network.IsOnBus(entry));
        _headUnit = new SimulatedEcu("HU", local, EcuModels.Create(store.Catalog, settings));
        Reset();
    }

    /// <summary>The signals of the car.</summary>
    public SignalStore Signals { get; }

    /// <summary>The catalog of the car's signals.</summary>
    public VssCatalog Catalog => Signals.Catalog;

    /// <summary>Simulated time since the last reset.</summary>
    public TimeSpan SimulatedTime { get; private set; }

    internal VehicleCan? Can => _can;

    /// <summary>
    /// Sets actuator targets, all or nothing: every request is checked (actuator, value, interlocks) before any of
    /// them is carried out. Blocks until the ECUs confirmed; see <see cref="ActuateAsync"/>.
    /// </summary>
    /// <exception cref="SignalValueException">A path is not an actuator, or a value is invalid.</exception>
    /// <exception cref="InterlockException">A safety interlock forbids one of the requests.</exception>
    /// <exception cref="EcuUnavailableException">An ECU did not confirm its request in time.</exception>
    public void Actuate(IReadOnlyList<(VssEntry Entry, object Value)> requests) => ActuateAsync(requests).GetAwaiter().GetResult();

    /// <summary>
    /// Sets actuator targets, all or nothing: every request is checked (actuator, value, interlocks, and that its
    /// DBC signal can carry it) before any request frame is sent. The task ends when every ECU asked has confirmed
    /// with a status frame, or fails with <see cref="EcuUnavailableException"/> after
    /// <see cref="VehicleCanOptions.ConfirmTimeout"/>; the targets stay set either way.
    /// </summary>
    /// <exception cref="SignalValueException">A path is not an actuator, or a value is invalid.</exception>
    /// <exception cref="InterlockException">A safety interlock forbids one of the requests.</exception>
    /// <exception cref="EcuUnavailableException">An ECU did not confirm its request in time.</exception>
    public Task ActuateAsync(IReadOnlyList<(VssEntry Entry, object Value)> requests)
    {
        Task confirmed;
        lock (_gate)
        {
            foreach (var (entry, value) in requests)
            {
                if (!entry.IsActuator)
                {
                    throw new SignalValueException(entry.Path, $"is {Article(entry.EntryType)}, only actuators can be actuated");
                }

                CheckValue(entry, value);
                _interlocks.Check(entry, value, Signals);
            }

            var onBus = _can is null ? [] : requests.Where(request => _can.Network.IsOnBus(request.Entry)).ToList();
            Signals.BeginBatch();
            try
            {
                confirmed = onBus.Count == 0 ? Task.CompletedTask : _can!.Gateway.Send(onBus);
                Signals.SetTargets(requests);
                foreach (var (entry, value) in requests)
                {
                    if (_headUnit.State.Owns(entry))
                    {
                        _headUnit.Accept(entry, value);
                    }
                }

                FlushHeadUnit();
            }
            finally
            {
                Signals.EndBatch();
            }
        }

        return confirmed;
    }

    /// <summary>Publishes a current value, as a provider does (sensors, or an actuator's reported state).</summary>
    public void Publish(VssEntry entry, object? value)
    {
        if (value is not null)
        {
            CheckValue(entry, value);
        }

        lock (_gate)
        {
            Force([(entry, value)], stop: false);
            Signals.Publish(entry, value);
        }
    }

    /// <summary>
    /// Sets current values directly (simulation control), sensors included; actuators' targets follow,
    /// and any motion of those signals stops. All or nothing.
    /// </summary>
    public void SetSignals(IReadOnlyList<(VssEntry Entry, object? Value)> values)
    {
        foreach (var (entry, value) in values)
        {
            if (value is not null)
            {
                CheckValue(entry, value);
            }
        }

        lock (_gate)
        {
            Force(values, stop: true);
            Signals.SetTargets([.. values.Where(item => item.Entry.IsActuator && item.Value is not null).Select(item => (item.Entry, item.Value!))]);
            Signals.Publish(values);
        }
    }

    /// <summary>Puts the car back into its documented default state.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            var defaults = DefaultCarState.For(Catalog).ToList();
            _headUnit.Reset();
            foreach (var (entry, value) in defaults.Where(item => _headUnit.State.Owns(item.Entry)))
            {
                _headUnit.Force(entry, value);
            }

            _can?.Ecus?.Reset(defaults);
            Signals.SetTargets([.. defaults.Where(item => item.Entry.IsActuator && item.Value is not null).Select(item => (item.Entry, item.Value!))]);
            Signals.Publish(defaults);
            SimulatedTime = TimeSpan.Zero;
        }
    }

    /// <summary>Moves simulated time forward, in steps no longer than the tick interval.</summary>
    public void Advance(TimeSpan elapsed)
    {
        lock (_gate)
        {
            while (elapsed > TimeSpan.Zero)
            {
                var step = elapsed < _step ? elapsed : _step;
                AdvanceOneStep(step);
                elapsed -= step;
            }
        }
    }

    /// <summary>Actuators (and command-driven sensors) still on their way to a target.</summary>
    public IReadOnlyList<string> Pending
    {
        get
        {
            lock (_gate)
            {
                return PendingNow();
            }
        }
    }

    /// <summary>
    /// Advances simulated time at once, without waiting, until nothing is pending or <paramref name="limit"/> has passed.
    /// </summary>
    public SettleResult Settle(TimeSpan limit)
    {
        lock (_gate)
        {
            var advanced = TimeSpan.Zero;
            while (PendingNow().Count > 0 && advanced < limit)
            {
                AdvanceOneStep(_step);
                advanced += _step;
            }

            return new SettleResult(PendingNow(), advanced);
        }
    }

    private List<string> PendingNow() => [.. _headUnit.Pending, .. _can?.Ecus?.Pending ?? []];

    private void AdvanceOneStep(TimeSpan step)
    {
        _headUnit.Advance(step);
        FlushHeadUnit();
        _can?.Ecus?.Advance(step);
        SimulatedTime += step;
    }

    private void Force(IReadOnlyList<(VssEntry Entry, object? Value)> values, bool stop)
    {
        foreach (var (entry, value) in values)
        {
            if (_headUnit.State.Owns(entry))
            {
                if (stop)
                {
                    _headUnit.Stop(entry);
                }

                _headUnit.Force(entry, value);
            }
        }

        _can?.Ecus?.Force(values, stop);
    }

    private void FlushHeadUnit()
    {
        foreach (var (entry, value, notifyUnchanged) in _headUnit.State.TakeWrites())
        {
            Signals.Publish(entry, value, notifyUnchanged);
        }
    }

    private static void CheckValue(VssEntry entry, object value)
    {
        if (VssValues.Check(entry, value) is { } reason)
        {
            throw new SignalValueException(entry.Path, reason);
        }
    }

    private static string Article(VssEntryType type) => type == VssEntryType.Attribute ? "an attribute" : "a sensor";
}
