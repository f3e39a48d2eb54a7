namespace Cockpit.Can.Bus;

/// <summary>Creates the bus that <see cref="CanBusOptions.Transport"/> names.</summary>
public static class CanBusFactory
{
    /// <summary>Creates a bus.</summary>
    /// <param name="options">Which transport, which interface, which faults.</param>
    /// <param name="timeProvider">The clock for delayed frames on the virtual bus; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <returns>The bus; the caller disposes it.</returns>
    /// <exception cref="IOException">SocketCAN was chosen and the interface cannot be opened.</exception>
    public static ICanBus Create(CanBusOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Transport switch
        {
            CanTransport.SocketCan => SocketCanBus.Open(options.Interface),
            _ => new VirtualCanBus(options.Interface, options.Faults, timeProvider),
        };
    }
}
