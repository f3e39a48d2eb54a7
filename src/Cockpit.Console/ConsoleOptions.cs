using System.ComponentModel.DataAnnotations;
using Cockpit.ServiceDefaults;
using Cockpit.ServiceDefaults.Grpc;

namespace Cockpit.Console;

/// <summary>
/// Options of the web console, bound from the <see cref="SectionName"/> configuration section:
/// <code>
/// "Console": {
///   "Url": "http://127.0.0.1:55560",
///   "AllowNonLoopback": false,
///   "AgentAddress": "http://127.0.0.1:55557",
///   "AgentToken": null,
///   "AgentTokenPath": null,
///   "HmiAddress": "http://127.0.0.1:55556",
///   "HmiToken": null,
///   "HmiTokenPath": null,
///   "VehicleAddress": "http://127.0.0.1:55555",
///   "VehicleToken": null,
///   "VehicleTokenPath": null,
///   "Language": "zh",
///   "CallTimeout": "00:00:30",
///   "ReconnectDelay": "00:00:02",
///   "MaxVoiceDuration": "00:00:30",
///   "Authorization": { "PublicKeyPath": "/etc/cockpit/cockpit-public.pem", "Audience": "cockpit-console" }
/// }
/// </code>
/// Each service is reached with its own token: the agent's needs <c>converse watch</c>, the HMI's <c>observe</c>, the
/// vehicle service's <c>read</c> of the signals the car panel shows (<see cref="Car.CarSignals.ReadScope"/>).
/// </summary>
public sealed class ConsoleOptions : IValidatableObject
{
    /// <summary>The configuration section name: "Console".</summary>
    public const string SectionName = "Console";

    private const string ServiceAddress = "^(https?://|unix:).+$";

    /// <summary>
    /// Where the console serves its page (HTTP/1.1, under <c>/console/</c>). Defaults to "http://127.0.0.1:55560"; a host
    /// other than loopback is refused at start unless <see cref="AllowNonLoopback"/>.
    /// </summary>
    [Required(ErrorMessage = "Console:Url is required")]
    [RegularExpression("^http://.+$", ErrorMessage = "Console:Url must be an http:// address, e.g. http://127.0.0.1:55560")]
    public string Url { get; set; } = "http://127.0.0.1:55560";

    /// <summary>Listen on a <see cref="Url"/> host other than loopback. Defaults to false.</summary>
    public bool AllowNonLoopback { get; set; }

    /// <summary>The agent (cockpit.agent.v1), as a URL or a Unix domain socket (<c>unix:/run/cockpit/agent.sock</c>). Defaults to "http://127.0.0.1:55557".</summary>
    [Required(ErrorMessage = "Console:AgentAddress is required")]
    [RegularExpression(ServiceAddress, ErrorMessage = "Console:AgentAddress must be an http(s):// URL or a unix: socket address")]
    public string AgentAddress { get; set; } = "http://127.0.0.1:55557";

    /// <summary>The JWT sent to the agent (scopes <c>converse watch</c>). Defaults to none; the embedded default issues its own.</summary>
    public string? AgentToken { get; set; }

    /// <summary>A file holding that token, read at start; <see cref="AgentToken"/> wins when both are set. Defaults to none.</summary>
    public string? AgentTokenPath { get; set; }

    /// <summary>The HMI (cockpit.hmi.v1), as a URL or a Unix domain socket. Defaults to "http://127.0.0.1:55556".</summary>
    [Required(ErrorMessage = "Console:HmiAddress is required")]
    [RegularExpression(ServiceAddress, ErrorMessage = "Console:HmiAddress must be an http(s):// URL or a unix: socket address")]
    public string HmiAddress { get; set; } = "http://127.0.0.1:55556";

    /// <summary>The JWT sent to the HMI (scope <c>observe</c>). Defaults to none; the embedded default issues its own.</summary>
    public string? HmiToken { get; set; }

    /// <summary>A file holding that token, read at start; <see cref="HmiToken"/> wins when both are set. Defaults to none.</summary>
    public string? HmiTokenPath { get; set; }

    /// <summary>The vehicle service (kuksa.val.v2), as a URL or a Unix domain socket. Defaults to "http://127.0.0.1:55555".</summary>
    [Required(ErrorMessage = "Console:VehicleAddress is required")]
    [RegularExpression(ServiceAddress, ErrorMessage = "Console:VehicleAddress must be an http(s):// URL or a unix: socket address")]
    public string VehicleAddress { get; set; } = "http://127.0.0.1:55555";

    /// <summary>The JWT sent to the vehicle service (<c>read</c> of the car panel's signals). Defaults to none; the embedded default issues its own.</summary>
    public string? VehicleToken { get; set; }

    /// <summary>A file holding that token, read at start; <see cref="VehicleToken"/> wins when both are set. Defaults to none.</summary>
    public string? VehicleTokenPath { get; set; }

    /// <summary>The language the page shows first, "zh" or "en" (the page switches at a click). Defaults to "zh".</summary>
    [Required(ErrorMessage = "Console:Language is required")]
    [RegularExpression("^(zh|en)$", ErrorMessage = "Console:Language must be zh or en")]
    public string Language { get; set; } = "zh";

    /// <summary>The deadline of one request to a service (a turn, a voice turn, the report). Defaults to 30 seconds; 1 second to 10 minutes.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the page's live streams wait before they call a service again that went away. Defaults to 2 seconds; 10 ms to 10 minutes.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest push-to-talk recording accepted (16 kHz 16-bit mono: 32,000 bytes a second). Defaults to 30 seconds; 1 second to 5 minutes.</summary>
    public TimeSpan MaxVoiceDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The agent's token, inline or from its file; null when none is configured.</summary>
    internal string? ResolveAgentToken() => BearerTokenCredentials.Resolve(AgentToken, AgentTokenPath);

    /// <summary>The HMI's token, inline or from its file; null when none is configured.</summary>
    internal string? ResolveHmiToken() => BearerTokenCredentials.Resolve(HmiToken, HmiTokenPath);

    /// <summary>The vehicle service's token, inline or from its file; null when none is configured.</summary>
    internal string? ResolveVehicleToken() => BearerTokenCredentials.Resolve(VehicleToken, VehicleTokenPath);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (key, token, path) in new[]
        {
            (nameof(AgentTokenPath), AgentToken, AgentTokenPath),
            (nameof(HmiTokenPath), HmiToken, HmiTokenPath),
            (nameof(VehicleTokenPath), VehicleToken, VehicleTokenPath),
        })
        {
            if (string.IsNullOrWhiteSpace(token) && !string.IsNullOrWhiteSpace(path) && !File.Exists(path))
            {
                yield return new ValidationResult($"{SectionName}:{key}: '{path}' does not exist", [key]);
            }
        }

        foreach (var (key, value, min, max, range) in new[]
        {
            (nameof(CallTimeout), CallTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10), "1 second and 10 minutes"),
            (nameof(ReconnectDelay), ReconnectDelay, TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(10), "10 ms and 10 minutes"),
            (nameof(MaxVoiceDuration), MaxVoiceDuration, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5), "1 second and 5 minutes"),
        })
        {
            // Checked here rather than by [Range]: the generated validator's range message would not name the section.
            if (value < min || value > max)
            {
                yield return new ValidationResult($"{SectionName}:{key} must lie between {range}; it is {value}", [key]);
            }
        }

        if (Uri.TryCreate(Url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp
            && ListenAddress.Check($"{SectionName}:{nameof(Url)}", uri.Host.Trim('[', ']'), AllowNonLoopback, $"{SectionName}:{nameof(AllowNonLoopback)}") is { } problem)
        {
            yield return new ValidationResult(problem, [nameof(Url)]);
        }
    }
}
