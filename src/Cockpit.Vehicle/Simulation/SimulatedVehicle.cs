using Cockpit.Vehicle.Safety;
using Cockpit.Vehicle.Signals;
using Cockpit.Vehicle.Simulation.Ecus;
using Cockpit.Vehicle.Vss;
using Microsoft.Extensions.Options;

namespace Cockpit.Vehicle.Simulation;

/// <summary>
/// The simulated car: validates requests against the catalog and the interlocks, hands accepted targets
/// to its ECU models, and moves simulated time forward. Every operation is atomic: a request that fails
/// changes nothing.
/// </summary>
public sealed class SimulatedVehicle
{
    private readonly Lock _gate = new();
    private readonly ActuationInterlocks _interlocks;
    private readonly EcuModel[] _ecus;
    private readonly TimeSpan _step;

    internal SimulatedVehicle(SignalStore store, ActuationInterlocks interlocks, IOptions<VehicleOptions> options)
    {
        Signals = store;
        _interlocks = interlocks;
        var settings = options.Value;
        _step = settings.TickInterval;
        var catalog = store.Catalog;
        var ecus = new List<EcuModel>
        {
            new PositionMotorEcu(VssPathPattern.Parse("Vehicle.Cabin.Door.*.*.Window.Position"), settings.WindowTravelTime),
            new PositionMotorEcu(VssPathPattern.Parse("Vehicle.Cabin.Sunroof.Shade.Position"), settings.ShadeTravelTime),
            new PositionMotorEcu(VssPathPattern.Parse("Vehicle.Cabin.RearShade.Position"), settings.ShadeTravelTime),
            new DelayedSwitchEcu(VssPathPattern.Parse("Vehicle.Body.Trunk.*.IsOpen"), settings.TrunkTravelTime),
        };
        if (catalog.TryGet("Vehicle.Cabin.Sunroof.Switch", out _) && catalog.TryGet("Vehicle.Cabin.Sunroof.Position", out _))
        {
            ecus.Add(new SunroofEcu(catalog, settings.SunroofTravelTime));
        }

        if (catalog.TryGet("Vehicle.Cabin.Infotainment.Media.Action", out _) && catalog.TryGet("Vehicle.Cabin.Infotainment.Media.Played.Album", out _))
        {
            ecus.Add(new MediaPlayerEcu(catalog));
        }

        if (catalog.TryGet("Vehicle.Cabin.HVAC.AmbientAirTemperature", out _) && catalog.TryGet("Vehicle.Cabin.HVAC.Station.Row1.Passenger.Temperature", out _))
        {
            ecus.Add(new CabinClimateEcu(catalog, settings.CabinDriftPerSecond));
        }

        ecus.Add(new ImmediateEcu());
        _ecus = [.. ecus];
        Reset();
    }

    /// <summary>The signals of the car.</summary>
    public SignalStore Signals { get; }

    /// <summary>The catalog of the car's signals.</summary>
    public VssCatalog Catalog => Signals.Catalog;

    /// <summary>Simulated time since the last reset.</summary>
    public TimeSpan SimulatedTime { get; private set; }

    /// <summary>
    /// Sets actuator targets, all or nothing: every request is checked (actuator, value, interlocks)
    /// before any of them is carried out.
    /// </summary>
    /// <exception cref="SignalValueException">A path is not an actuator, or a value is invalid.</exception>
    /// <exception cref="InterlockException">A safety interlock forbids one of the requests.</exception>
    public void Actuate(IReadOnlyList<(VssEntry Entry, object Value)> requests)
    {
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

            Signals.SetTargets(requests);
            Signals.BeginBatch();
            try
            {
                foreach (var (entry, value) in requests)
                {
                    EcuFor(entry).Accept(entry, value, Signals);
                }
            }
            finally
            {
                Signals.EndBatch();
            }
        }
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
            foreach (var (entry, _) in values)
            {
                foreach (var ecu in _ecus)
                {
                    ecu.Stop(entry);
                }
            }

            Signals.SetTargets([.. values.Where(item => item.Entry.IsActuator && item.Value is not null).Select(item => (item.Entry, item.Value!))]);
            Signals.Publish(values);
        }
    }

    /// <summary>Puts the car back into its documented default state.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            foreach (var ecu in _ecus)
            {
                ecu.Reset();
            }

            var defaults = DefaultCarState.For(Catalog).ToList();
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
                return [.. _ecus.SelectMany(ecu => ecu.Pending)];
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
            while (_ecus.Any(ecu => ecu.Pending.Any()) && advanced < limit)
            {
                AdvanceOneStep(_step);
                advanced += _step;
            }

            return new SettleResult([.. _ecus.SelectMany(ecu => ecu.Pending)], advanced);
        }
    }

    private void AdvanceOneStep(TimeSpan step)
    {
        foreach (var ecu in _ecus)
        {
            ecu.Advance(step, Signals);
        }

        SimulatedTime += step;
    }

    private EcuModel EcuFor(VssEntry actuator)
    {
        foreach (var ecu in _ecus)
        {
            if (ecu.Handles(actuator))
            {
                return ecu;
            }
        }

        throw new InvalidOperationException($"no ECU model handles {actuator.Path}"); // ImmediateEcu takes every actuator
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
