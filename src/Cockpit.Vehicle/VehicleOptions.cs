using System.ComponentModel.DataAnnotations;
using Cockpit.ServiceDefaults;
using Cockpit.Vehicle.Can;
using Microsoft.Extensions.Options;

namespace Cockpit.Vehicle;

/// <summary>
/// Options of the vehicle service, bound from the <c>Vehicle</c> configuration section:
/// <code>
/// "Vehicle": {
///   "Address": "127.0.0.1",
///   "AllowNonLoopback": false,
///   "Port": 55555,
///   "UnixSocketPath": null,
///   "CatalogPath": null,
///   "TimeScale": 1.0,
///   "TickInterval": "00:00:00.050",
///   "WindowTravelTime": "00:00:04",
///   "SunroofTravelTime": "00:00:06",
///   "ShadeTravelTime": "00:00:05",
///   "TrunkTravelTime": "00:00:03",
///   "CabinDriftPerSecond": 0.1,
///   "OpeningSpeedLimitKmh": 3.0,
///   "SpeedMaxAge": "00:00:01",
///   "MaxSubscribeBufferSize": 1000,
///   "MaxSignalsPerRequest": 1000,
///   "MaxSubscriptions": 1000,
///   "MaxSubscriptionsPerCaller": 50,
///   "ReservedSubscriptions": 100,
///   "SystemSubjects": [ "agent", "hmi" ],
///   "MaxReceiveMessageSize": 1048576,
///   "MaxSettleTime": "00:01:00",
///   "Can": { "Enabled": true, "Transport": "Virtual", "Interface": "vcan0", "ConfirmTimeout": "00:00:00.500" },
///   "Authorization": { "Insecure": false, "PublicKeyPath": "/etc/cockpit/cockpit-public.pem" }
/// }
/// </code>
/// <c>Authorization</c> has its own options class, <see cref="Security.VehicleAuthorizationOptions"/>.
/// </summary>
public sealed class VehicleOptions : IValidatableObject
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Vehicle";

    /// <summary>
    /// The loopback address to listen on. Defaults to 127.0.0.1; another address is refused at start unless
    /// <see cref="AllowNonLoopback"/>.
    /// </summary>
    [Required]
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>Listen on an address other than loopback (every host on the network could then try a token). Defaults to false.</summary>
    public bool AllowNonLoopback { get; set; }

    /// <summary>TCP port of the kuksa.val.v2 API (HTTP/2). Defaults to 55555, KUKSA's default; 0 picks a free port.</summary>
    [Range(0, 65535)]
    public int Port { get; set; } = 55555;

    /// <summary>Also listen on this Unix domain socket, when set. Defaults to none.</summary>
    public string? UnixSocketPath { get; set; }

    /// <summary>A vss-tools JSON catalog to serve instead of the simulated car's own (embedded) one.</summary>
    public string? CatalogPath { get; set; }

    /// <summary>Simulated seconds per real second. Defaults to 1; 0 stops the clock (time moves only on Settle).</summary>
    [Range(0.0, 1000.0)]
    public double TimeScale { get; set; } = 1.0;

    /// <summary>Simulation step. Defaults to 50 ms.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:00:01")]
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>A window's travel from closed to open. Defaults to 4 s; 0 to 10 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan WindowTravelTime { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>The sunroof's travel from closed to open. Defaults to 6 s; 0 to 10 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan SunroofTravelTime { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>A shade's travel from closed to open. Defaults to 5 s; 0 to 10 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ShadeTravelTime { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The power trunk lid's opening or closing time. Defaults to 3 s; 0 to 10 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan TrunkTravelTime { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How fast the cabin temperature drifts toward the set points, in °C per second. Defaults to 0.1.</summary>
    [Range(0.0, 100.0)]
    public double CabinDriftPerSecond { get; set; } = 0.1;

    /// <summary>Doors and trunk may be opened only up to this speed, in km/h. Defaults to 3.</summary>
    [Range(0.0, 300.0)]
    public double OpeningSpeedLimitKmh { get; set; } = 3.0;

    /// <summary>
    /// A speed not reported on the bus for longer than this (simulated time) is unknown, and doors and trunk stay shut.
    /// Defaults to 1 s (ten cycles of the speed frame); 0 turns the check off; at most 1 minute.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan SpeedMaxAge { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The largest <c>buffer_size</c> a subscriber may ask for. Defaults to 1000 (KUKSA's limit).</summary>
    [Range(1, 100_000)]
    public int MaxSubscribeBufferSize { get; set; } = 1000;

    /// <summary>
    /// The most signals one request may name (GetValues, Subscribe, SubscribeById, BatchActuate, SetSignals); more is
    /// INVALID_ARGUMENT. Defaults to 1000; 1 to 100,000.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxSignalsPerRequest { get; set; } = 1000;

    /// <summary>The most kuksa.val.v2 subscriptions served at once, all callers together; one more is RESOURCE_EXHAUSTED. Defaults to 1000.</summary>
    [Range(1, 100_000)]
    public int MaxSubscriptions { get; set; } = 1000;

    /// <summary>
    /// The most kuksa.val.v2 subscriptions one caller may hold at once; one more is RESOURCE_EXHAUSTED. A caller is a token's
    /// subject (<c>sub</c>), so every connection and every process holding tokens of one subject count together; with
    /// authorization off, callers are told apart by IP address (every client of the Unix socket is one caller). It applies to
    /// <see cref="SystemSubjects"/> too, so no system client can take the room kept for the others. Defaults to 50; 1 to
    /// <see cref="MaxSubscriptions"/>.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxSubscriptionsPerCaller { get; set; } = 50;

    /// <summary>
    /// Subscriptions kept for <see cref="SystemSubjects"/>: every other caller together may hold at most
    /// <see cref="MaxSubscriptions"/> − <see cref="ReservedSubscriptions"/>, so the system's own clients (the HMI after a
    /// restart, say) always find room. Defaults to 100 (two system clients at <see cref="MaxSubscriptionsPerCaller"/> each);
    /// 0 keeps none; less than <see cref="MaxSubscriptions"/>.
    /// </summary>
    [Range(0, 100_000)]
    public int ReservedSubscriptions { get; set; } = 100;

    /// <summary>
    /// The token subjects of the system's own clients, which may use <see cref="ReservedSubscriptions"/> (matched exactly,
    /// case-sensitive). Defaults to <c>agent</c> and <c>hmi</c>, the subjects the embedded default issues to the agent and the
    /// HMI; issue the tokens of separate services with these subjects (<c>token issue --subject hmi</c>). Configuration
    /// replaces the list (it is not added to), and an empty entry is refused.
    /// </summary>
    [Required]
    public IList<string> SystemSubjects { get; set; } = ["agent", "hmi"];

    /// <summary>
    /// The largest request message the vehicle's APIs accept, in bytes; a larger one is RESOURCE_EXHAUSTED.
    /// Defaults to 1 MiB (gRPC's own default is 4 MiB); 1 KiB to 64 MiB.
    /// </summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxReceiveMessageSize { get; set; } = 1024 * 1024;

    /// <summary>The longest simulated time one Settle call may advance. Defaults to 60 s; at most 1 hour.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan MaxSettleTime { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The car's CAN bus: transport, simulated ECUs, faults, log (see <see cref="VehicleCanOptions"/>).</summary>
    [ValidateObjectMembers]
    public VehicleCanOptions Can { get; set; } = new();

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ListenAddress.Check($"{SectionName}:{nameof(Address)}", Address, AllowNonLoopback, $"{SectionName}:{nameof(AllowNonLoopback)}") is { } problem)
        {
            yield return new ValidationResult(problem, [nameof(Address)]);
        }

        if (MaxSubscriptionsPerCaller > MaxSubscriptions)
        {
            yield return new ValidationResult(
                $"{SectionName}:{nameof(MaxSubscriptionsPerCaller)} ({MaxSubscriptionsPerCaller}) exceeds {SectionName}:{nameof(MaxSubscriptions)} ({MaxSubscriptions})",
                [nameof(MaxSubscriptionsPerCaller)]);
        }

        if (ReservedSubscriptions >= MaxSubscriptions)
        {
            yield return new ValidationResult(
                $"{SectionName}:{nameof(ReservedSubscriptions)} ({ReservedSubscriptions}) must be less than {SectionName}:{nameof(MaxSubscriptions)} " +
                $"({MaxSubscriptions}), or callers other than {string.Join(", ", SystemSubjects ?? [])} could never subscribe",
                [nameof(ReservedSubscriptions)]);
        }

        if (SystemSubjects?.Any(string.IsNullOrWhiteSpace) == true)
        {
            yield return new ValidationResult($"{SectionName}:{nameof(SystemSubjects)} has an empty entry", [nameof(SystemSubjects)]);
        }
    }
}
