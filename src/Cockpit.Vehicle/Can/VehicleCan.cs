using Cockpit.Can.Bus;
using Cockpit.Can.Frames;
using Cockpit.Can.Logging;
using Cockpit.Vehicle.Signals;
using Cockpit.Vehicle.Vss;

namespace Cockpit.Vehicle.Can;

/// <summary>
/// The car's CAN side, put together from <see cref="VehicleCanOptions"/>: the resolved DBC and mapping, the
/// head unit's gateway, the simulated ECUs, the candump log, and a tap that sees every frame (for the log and the
/// CanBus gRPC service). On the virtual bus all of them share one bus; on SocketCAN each opens its own socket,
/// because a socket does not receive the frames it sent itself.
/// </summary>
internal sealed class VehicleCan : IAsyncDisposable, IDisposable
{
    private readonly List<ICanBus> _buses = [];
    private readonly IDisposable? _logSubscription;
    private readonly StreamWriter? _logFile;
    private readonly Lock _logGate = new();

    public VehicleCan(VssCatalog catalog, SignalStore store, VehicleOptions settings, TimeProvider time, ILoggerFactory loggers)
    {
        var options = settings.Can;
        var logger = loggers.CreateLogger<VehicleCan>();
        Network = CarNetwork.Load(catalog, options.DbcPath, options.MappingPath);
        var busOptions = new CanBusOptions { Transport = options.Transport, Interface = options.Interface, Faults = options.Faults };
        ICanBus Open()
        {
            if (options.Transport == CanTransport.Virtual && _buses.Count > 0)
            {
                return _buses[0];
            }

            var bus = CanBusFactory.Create(busOptions, time);
            _buses.Add(bus);
            return bus;
        }

        Tap = Open();
        if (options.LogPath is { } path)
        {
            _logFile = new StreamWriter(path, append: false) { AutoFlush = true, NewLine = "\n" };
            var writer = new CandumpWriter(_logFile);
            var name = Tap.Name;
            _logSubscription = Tap.Subscribe(CanIdFilter.All, frame =>
            {
                lock (_logGate)
                {
                    writer.Write(time.GetUtcNow(), name, frame);
                }
            });
        }

        Ecus = options.SimulateEcus ? new EcuNetwork(Network, Open(), catalog, settings, loggers.CreateLogger<EcuNetwork>()) : null;
        Gateway = new CanGateway(Network, Open(), store, time, options.ConfirmTimeout, loggers.CreateLogger<CanGateway>());
        Log.CanStarted(logger, Tap.Name, options.Transport.ToString(), Ecus?.Names.Count() ?? 0, Network.Status.Count);
    }

    /// <summary>The DBC and mapping, resolved against the catalog.</summary>
    public CarNetwork Network { get; }

    /// <summary>The head unit's side of the bus.</summary>
    public CanGateway Gateway { get; }

    /// <summary>The simulated ECUs; null when real ones are on the bus.</summary>
    public EcuNetwork? Ecus { get; }

    /// <summary>A bus handle that sees every frame, and whose frames every other participant sees.</summary>
    public ICanBus Tap { get; }

    public async ValueTask DisposeAsync()
    {
        Gateway.Dispose();
        Ecus?.Dispose();
        _logSubscription?.Dispose();
        foreach (var bus in _buses)
        {
            await bus.DisposeAsync().ConfigureAwait(false);
        }

        if (_logFile is not null)
        {
            lock (_logGate)
            {
                _logFile.Dispose();
            }
        }
    }

    // The container disposes synchronously when its owner does (e.g. a ServiceProvider in a using block).
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>Sends a frame from outside (a monitoring tool, a replayed log).</summary>
    public ValueTask SendAsync(CanFrame frame, CancellationToken cancellationToken) => Tap.SendAsync(frame, cancellationToken);
}
