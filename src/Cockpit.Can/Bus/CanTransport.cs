namespace Cockpit.Can.Bus;

/// <summary>Which bus implementation <see cref="CanBusFactory"/> creates.</summary>
public enum CanTransport
{
    /// <summary>The in-memory <see cref="VirtualCanBus"/> (the default).</summary>
    Virtual,

    /// <summary>A Linux <see cref="SocketCanBus"/> on <see cref="CanBusOptions.Interface"/>.</summary>
    SocketCan,
}
