using System.ComponentModel.DataAnnotations;
using Cockpit.Can.Bus;
using Microsoft.Extensions.Options;

namespace Cockpit.Vehicle.Can;

/// <summary>
/// How the simulated car uses CAN, bound from <c>Vehicle:Can</c>:
/// <code>
/// "Can": {
///   "Enabled": true,
///   "Transport": "Virtual",
///   "Interface": "vcan0",
///   "SimulateEcus": true,
///   "ConfirmTimeout": "00:00:00.500",
///   "LogPath": null,
///   "ReplayPath": null,
///   "DbcPath": null,
///   "MappingPath": null,
///   "SilentEcus": [],
///   "Faults": { "DropRate": 0.0, "CorruptRate": 0.0, "DelayRate": 0.0, "Delay": "00:00:00.050", "Seed": 1 }
/// }
/// </code>
/// </summary>
public sealed class VehicleCanOptions
{
    /// <summary>Whether actuations and current values travel over CAN. Defaults to true; false keeps every ECU model inside the head unit.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The bus: the in-memory virtual bus (the default), or SocketCAN on <see cref="Interface"/>.</summary>
    public CanTransport Transport { get; set; } = CanTransport.Virtual;

    /// <summary>The SocketCAN interface (e.g. <c>can0</c>, <c>vcan0</c>), or the name the virtual bus logs under. Defaults to <c>vcan0</c>.</summary>
    [Required]
    public string Interface { get; set; } = "vcan0";

    /// <summary>Whether the service runs the simulated ECUs. Defaults to true; false on a bus where real ECUs answer.</summary>
    public bool SimulateEcus { get; set; } = true;

    /// <summary>How long an actuation waits for the ECU's confirming status frame before it fails with UNAVAILABLE. Defaults to 500 ms; 1 ms to 1 minute.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan ConfirmTimeout { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Write every frame on the bus to this candump log file (can-utils format), when set. Defaults to none.</summary>
    public string? LogPath { get; set; }

    /// <summary>Replay this candump log into the bus once the service has started, keeping its timing, when set. Defaults to none.</summary>
    public string? ReplayPath { get; set; }

    /// <summary>Another car's DBC instead of the embedded <c>cockpit-car.dbc</c>, when set.</summary>
    public string? DbcPath { get; set; }

    /// <summary>Another VSS↔DBC mapping instead of the embedded <c>cockpit-car.vss_dbc.json</c>, when set.</summary>
    public string? MappingPath { get; set; }

    /// <summary>Simulated ECUs (DBC node names, e.g. <c>DCU</c>) that never answer: a fault. Defaults to none.</summary>
    public IList<string> SilentEcus { get; } = [];

    /// <summary>Faults the virtual bus injects into a share of frames. Defaults to none.</summary>
    [ValidateObjectMembers]
    public CanFaultOptions Faults { get; set; } = new();
}
