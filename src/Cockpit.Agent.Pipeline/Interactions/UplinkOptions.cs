using System.ComponentModel.DataAnnotations;

namespace Cockpit.Agent.Interactions;

/// <summary>
/// Options of the optional uplink that exports the interaction log to a fleet backend over OTLP, bound from
/// <c>Agent:Uplink</c>:
/// <code>
/// "Uplink": {
///   "Enabled": false,
///   "Endpoint": "https://fleet.example.com/v1/logs",
///   "Protocol": "HttpProtobuf",
///   "Headers": { "Authorization": "Bearer …" },
///   "ResourceAttributes": { "vehicle.id": "…" },
///   "BatchSize": 100,
///   "RetryBackoffMin": "00:00:01",
///   "RetryBackoffMax": "00:05:00",
///   "ExportTimeout": "00:00:10",
///   "PollInterval": "00:00:05",
///   "MaxQueueRecords": 100000,
///   "MaxQueueBytes": 67108864
/// }
/// </code>
/// </summary>
public sealed class UplinkOptions : IValidatableObject
{
    /// <summary>Whether records leave the head unit at all. Defaults to false: the agent never touches the network.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// The backend's OTLP logs endpoint: for <see cref="UplinkProtocol.HttpProtobuf"/> the full URL records are posted
    /// to (conventionally <c>http(s)://host:4318/v1/logs</c>), for <see cref="UplinkProtocol.Grpc"/> the server
    /// address (conventionally port 4317). Required when enabled. Defaults to none.
    /// </summary>
    public Uri? Endpoint { get; set; }

    /// <summary>How records travel. Defaults to <see cref="UplinkProtocol.HttpProtobuf"/>.</summary>
    public UplinkProtocol Protocol { get; set; } = UplinkProtocol.HttpProtobuf;

    /// <summary>Headers (or gRPC metadata) sent with every export, e.g. an <c>Authorization</c> header. Defaults to none.</summary>
    public Dictionary<string, string> Headers { get; set; } = [];

    /// <summary>
    /// Resource attributes added to (or replacing) <c>service.name</c> (cockpit-agent), <c>service.version</c> and
    /// <c>host.name</c>, e.g. a <c>vehicle.id</c> the backend groups by. Defaults to none.
    /// </summary>
    public Dictionary<string, string> ResourceAttributes { get; set; } = [];

    /// <summary>Records per export request. Defaults to 100.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 100;

    /// <summary>The wait after the first failed export; each further failure doubles it, with jitter. Defaults to 1 s.</summary>
    public TimeSpan RetryBackoffMin { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between failed exports. Defaults to 5 minutes.</summary>
    public TimeSpan RetryBackoffMax { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The deadline of one export request. Defaults to 10 s.</summary>
    public TimeSpan ExportTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often an idle uplink looks for new records. Defaults to 5 s.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Records waiting for export at most. Past it the oldest waiting records are given up (counted in
    /// <c>cockpit.uplink.dropped</c>) and fall under <c>Agent:MaxInteractionRecords</c> like exported ones.
    /// Defaults to 100,000.
    /// </summary>
    [Range(1, 100_000_000)]
    public long MaxQueueRecords { get; set; } = 100_000;

    /// <summary>
    /// Bytes of waiting records at most (their text and a fixed 128 bytes each, an estimate of their size in the
    /// database). Past it the oldest waiting records are given up, as for <see cref="MaxQueueRecords"/>.
    /// Defaults to 64 MiB.
    /// </summary>
    [Range(4096, long.MaxValue)]
    public long MaxQueueBytes { get; set; } = 64L * 1024 * 1024;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Enabled && (Endpoint is null || !Endpoint.IsAbsoluteUri || (Endpoint.Scheme != Uri.UriSchemeHttp && Endpoint.Scheme != Uri.UriSchemeHttps)))
        {
            yield return new ValidationResult("Agent:Uplink:Endpoint: an absolute http or https URL is required when the uplink is enabled", [nameof(Endpoint)]);
        }

        if (RetryBackoffMin <= TimeSpan.Zero || RetryBackoffMax < RetryBackoffMin)
        {
            yield return new ValidationResult("Agent:Uplink: RetryBackoffMin must be positive and not above RetryBackoffMax", [nameof(RetryBackoffMin), nameof(RetryBackoffMax)]);
        }

        if (ExportTimeout <= TimeSpan.Zero || PollInterval <= TimeSpan.Zero)
        {
            yield return new ValidationResult("Agent:Uplink: ExportTimeout and PollInterval must be positive", [nameof(ExportTimeout), nameof(PollInterval)]);
        }
    }
}
