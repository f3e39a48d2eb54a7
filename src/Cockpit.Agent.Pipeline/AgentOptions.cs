using System.ComponentModel.DataAnnotations;
using Cockpit.Agent.Interactions;
using Cockpit.ServiceDefaults;
using Cockpit.ServiceDefaults.Grpc;
using Microsoft.Extensions.Options;

namespace Cockpit.Agent;

/// <summary>
/// Options of the agent, bound from the <c>Agent</c> configuration section:
/// <code>
/// "Agent": {
///   "Port": 55557,
///   "UnixSocketPath": null,
///   "VehicleAddress": "http://127.0.0.1:55555",
///   "HmiAddress": "http://127.0.0.1:55556",
///   "VehicleToken": null,
///   "VehicleTokenPath": null,
///   "HmiToken": null,
///   "HmiTokenPath": null,
///   "AllowNonLoopback": false,
///   "DataDirectory": null,
///   "Understanding": { "ModelDirectory": "models/understanding", "IntraOpThreads": 1, "TablePrecision": "Float16" },
///   "Uplink": { "Enabled": false }
/// }
/// </code>
/// </summary>
public sealed class AgentOptions : IValidatableObject
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Agent";

    /// <summary>
    /// The loopback address the agent's gRPC API listens on. Defaults to 127.0.0.1; another address is refused at start
    /// unless <see cref="AllowNonLoopback"/>.
    /// </summary>
    [Required]
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>TCP port of the agent's gRPC API. Defaults to 55557; 0 picks a free port.</summary>
    [Range(0, 65535)]
    public int Port { get; set; } = 55557;

    /// <summary>Also serve the agent's gRPC API on this Unix domain socket, when set (on a head unit <c>/run/cockpit/agent.sock</c>). Defaults to none.</summary>
    public string? UnixSocketPath { get; set; }

    /// <summary>
    /// The vehicle service (kuksa.val.v2), as a URL or a Unix domain socket (<c>unix:/run/cockpit/vehicle.sock</c>).
    /// Defaults to http://127.0.0.1:55555.
    /// </summary>
    [Required]
    public Uri VehicleAddress { get; set; } = new("http://127.0.0.1:55555");

    /// <summary>The simulated HMI (cockpit.hmi.v1), as a URL or a Unix domain socket (<c>unix:/run/cockpit/hmi.sock</c>). Defaults to http://127.0.0.1:55556.</summary>
    [Required]
    public Uri HmiAddress { get; set; } = new("http://127.0.0.1:55556");

    /// <summary>
    /// The JWT the agent sends to the vehicle service with every call (<c>Cockpit.Agent token issue</c>; its scope needs
    /// <c>read</c> and <c>actuate</c> of the catalog's actuators, and <c>simulate</c> for <c>eval --vehicle</c>).
    /// Defaults to none; the embedded default issues its own.
    /// </summary>
    public string? VehicleToken { get; set; }

    /// <summary>A file holding that token, read at start; <see cref="VehicleToken"/> wins when both are set. Defaults to none.</summary>
    public string? VehicleTokenPath { get; set; }

    /// <summary>
    /// The JWT the agent's screen agent sends to the HMI (scopes <c>observe act simulate</c>: it learns the UI map from
    /// resets at start). Defaults to none; the embedded default issues its own.
    /// </summary>
    public string? HmiToken { get; set; }

    /// <summary>A file holding that token, read at start; <see cref="HmiToken"/> wins when both are set. Defaults to none.</summary>
    public string? HmiTokenPath { get; set; }

    /// <summary>Listen on an address other than loopback (every process on the network could then call the agent). Defaults to false.</summary>
    public bool AllowNonLoopback { get; set; }

    /// <summary>
    /// Where the agent keeps its data: the interaction log, and the model's lookup-table cache unless
    /// <c>Agent:Understanding:CacheDirectory</c> is absolute.
    /// Defaults to <c>$XDG_DATA_HOME/cockpit</c> (or <c>~/.local/share/cockpit</c>).
    /// </summary>
    public string? DataDirectory { get; set; }

    /// <summary>How long a follow-up ("a bit warmer") may refer to the previous turn. Defaults to 60 s.</summary>
    public TimeSpan FollowUpWindow { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How soon after a turn a correction, repeat or undo marks it wrong. Defaults to 10 s.</summary>
    public TimeSpan FeedbackWindow { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Interaction records kept, at most. Past it, the oldest records already exported or reported are deleted first,
    /// then the oldest others (with the uplink on, those count as dropped by it, see
    /// <see cref="UplinkOptions.MaxQueueRecords"/>). Defaults to 100,000.
    /// </summary>
    [Range(100, 100_000_000)]
    public int MaxInteractionRecords { get; set; } = 100_000;

    /// <summary>The deadline of one call to the vehicle service. Defaults to 2 s.</summary>
    public TimeSpan VehicleCallTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Retries of a call that found the vehicle service unavailable. Defaults to 3.</summary>
    [Range(0, 10)]
    public int VehicleRetries { get; set; } = 3;

    /// <summary>The first retry's delay; each further retry waits twice as long. Defaults to 100 ms.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest utterance text accepted, in characters. Defaults to 500.</summary>
    [Range(1, 10_000)]
    public int MaxTextLength { get; set; } = 500;

    /// <summary>The longest conversation id accepted, in characters. Defaults to 128.</summary>
    [Range(1, 1_000)]
    public int MaxConversationIdLength { get; set; } = 128;

    /// <summary>Below this recogniser confidence a voice turn asks the occupant to repeat. Defaults to 0.3.</summary>
    [Range(0.0, 1.0)]
    public double ClarifyBelowAsrConfidence { get; set; } = 0.3;

    /// <summary>
    /// Below this model confidence (that of the least sure call: the mean probability of its intent tags) the agent asks
    /// whether to do what it understood ("Do you want me to …?") instead of acting, and does it on a yes in the next turn.
    /// Defaults to 0.25.
    /// </summary>
    [Range(0.0, 1.0)]
    public double ClarifyBelowConfidence { get; set; } = 0.25;

    /// <summary>
    /// The optional uplink that exports interaction records to a fleet backend over OTLP (<c>Agent:Uplink</c>).
    /// Off by default; see <see cref="UplinkOptions"/>.
    /// </summary>
    [ValidateObjectMembers]
    public UplinkOptions Uplink { get; set; } = new();

    /// <summary>The token for the vehicle service, inline or from its file; null when none is configured.</summary>
    internal string? ResolveVehicleToken() => BearerTokenCredentials.Resolve(VehicleToken, VehicleTokenPath);

    /// <summary>The token for the HMI, inline or from its file; null when none is configured.</summary>
    internal string? ResolveHmiToken() => BearerTokenCredentials.Resolve(HmiToken, HmiTokenPath);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(VehicleToken) && !string.IsNullOrWhiteSpace(VehicleTokenPath) && !File.Exists(VehicleTokenPath))
        {
            yield return new ValidationResult($"Agent:VehicleTokenPath: '{VehicleTokenPath}' does not exist", [nameof(VehicleTokenPath)]);
        }

        if (string.IsNullOrWhiteSpace(HmiToken) && !string.IsNullOrWhiteSpace(HmiTokenPath) && !File.Exists(HmiTokenPath))
        {
            yield return new ValidationResult($"Agent:HmiTokenPath: '{HmiTokenPath}' does not exist", [nameof(HmiTokenPath)]);
        }

        if (ListenAddress.Check($"{SectionName}:{nameof(Address)}", Address, AllowNonLoopback, $"{SectionName}:{nameof(AllowNonLoopback)}") is { } problem)
        {
            yield return new ValidationResult(problem, [nameof(Address)]);
        }
    }

    /// <summary>The resolved data directory.</summary>
    internal string ResolvedDataDirectory => DataDirectory ?? Path.Combine(
        Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } data ? data
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share"),
        "cockpit");
}
