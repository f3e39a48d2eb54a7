using System.ComponentModel.DataAnnotations;

namespace Cockpit.Can.Bus;

/// <summary>
/// Chooses and configures the bus. Bound from configuration by the service that hosts it, e.g.
/// <code>
/// "Can": { "Transport": "SocketCan", "Interface": "vcan0", "Faults": { "DropRate": 0.1, "Seed": 7 } }
/// </code>
/// </summary>
public sealed class CanBusOptions
{
    /// <summary>The bus implementation. The default value is <see cref="CanTransport.Virtual"/>.</summary>
    public CanTransport Transport { get; set; } = CanTransport.Virtual;

    /// <summary>The interface name: the SocketCAN interface to bind, or the name the virtual bus logs. The default value is <c>vcan0</c>.</summary>
    [Required]
    public string Interface { get; set; } = "vcan0";

    /// <summary>Faults the virtual bus injects; ignored by SocketCAN. The default is none.</summary>
    public CanFaultOptions Faults { get; set; } = new();
}
