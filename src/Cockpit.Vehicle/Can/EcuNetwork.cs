using Cockpit.Can.Bus;
using Cockpit.Can.Frames;
using Cockpit.Vehicle.Simulation;
using Cockpit.Vehicle.Vss;

namespace Cockpit.Vehicle.Can;

/// <summary>
/// The simulated ECUs on the bus. Frames may arrive on any thread (the sender's, a delay timer's, a socket
/// reader's), so the ECUs have their own lock; frames they send go out under it, which keeps their order.
/// </summary>
internal sealed class EcuNetwork : IDisposable
{
    private readonly Lock _gate = new();
    private readonly SimulatedEcu[] _ecus;
    private readonly Dictionary<VssEntry, SimulatedEcu> _owners = [];
    private readonly ICanBus _bus;
    private readonly ILogger _logger;
    private readonly IDisposable _subscription;

    public EcuNetwork(CarNetwork network, ICanBus bus, VssCatalog catalog, VehicleOptions settings, ILogger logger)
    {
        _bus = bus;
        _logger = logger;
        _ecus =
        [
            .. network.Ecus.Select(name => new SimulatedEcu(
                name,
                network.Status.Values.Where(binding => binding.Ecu == name).Select(binding => binding.Entry),
                EcuModels.Create(catalog, settings),
                network)),
        ];
        foreach (var ecu in _ecus)
        {
            foreach (var entry in ecu.State.Entries)
            {
                _owners[entry] = ecu;
            }

            ecu.IsSilent = settings.Can.SilentEcus.Contains(ecu.Name, StringComparer.Ordinal);
        }

        _subscription = bus.Subscribe(CanIdFilter.All, OnFrame);
    }

    /// <summary>The ECUs' names.</summary>
    public IEnumerable<string> Names => _ecus.Select(ecu => ecu.Name);

    /// <summary>Signals still on their way to a target.</summary>
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

    /// <summary>Makes an ECU stop answering, or answer again (a fault for tests and demos).</summary>
    /// <exception cref="ArgumentException">No ECU has that name.</exception>
    public void SetSilent(string name, bool silent)
    {
        lock (_gate)
        {
            (_ecus.FirstOrDefault(ecu => ecu.Name == name) ?? throw new ArgumentException($"no simulated ECU named {name}", nameof(name))).IsSilent = silent;
        }
    }

    /// <summary>Moves every ECU by <paramref name="step"/> of simulated time and sends the status frames due.</summary>
    public void Advance(TimeSpan step)
    {
        lock (_gate)
        {
            foreach (var ecu in _ecus)
            {
                Send(ecu.Advance(step));
            }
        }
    }

    /// <summary>Sets signals' physical state directly (simulation control); with <paramref name="stop"/>, their motion ends.</summary>
    public void Force(IEnumerable<(VssEntry Entry, object? Value)> values, bool stop)
    {
        lock (_gate)
        {
            foreach (var (entry, value) in values)
            {
                if (_owners.TryGetValue(entry, out var ecu))
                {
                    if (stop)
                    {
                        ecu.Stop(entry);
                    }

                    ecu.Force(entry, value);
                }
            }
        }
    }

    /// <summary>Forgets all motion and takes the given state.</summary>
    public void Reset(IEnumerable<(VssEntry Entry, object? Value)> state)
    {
        lock (_gate)
        {
            foreach (var ecu in _ecus)
            {
                ecu.Reset();
            }
        }

        Force(state, stop: false);
    }

    public void Dispose() => _subscription.Dispose();

    private void OnFrame(CanFrame frame)
    {
        lock (_gate)
        {
            foreach (var ecu in _ecus)
            {
                if (ecu.Accepts(frame))
                {
                    Send(ecu.Receive(frame));
                }
            }
        }
    }

    private void Send(IReadOnlyList<CanFrame> frames)
    {
        foreach (var frame in frames)
        {
            try
            {
                var sending = _bus.SendAsync(frame);
                if (!sending.IsCompletedSuccessfully)
                {
                    sending.AsTask().GetAwaiter().GetResult();
                }
            }
            catch (Exception error) when (error is IOException or ObjectDisposedException or InvalidOperationException)
            {
                Log.FrameNotSent(_logger, _bus.Name, frame.Id, error.Message);
            }
        }
    }
}
