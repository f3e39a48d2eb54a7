using System.ComponentModel.DataAnnotations;
using Cockpit.ServiceDefaults;

namespace Cockpit.Gui;

/// <summary>
/// Options of the simulated HMI, bound from the <see cref="SectionName"/> configuration section.
/// </summary>
/// <example>
/// <code>
/// "Gui": {
///   "Url": "http://127.0.0.1:55556",
///   "PageUrl": "http://127.0.0.1:55566",
///   "UnixSocketPath": null,
///   "VehicleAddress": "http://127.0.0.1:55555",
///   "VehicleToken": null,
///   "VehicleTokenPath": null,
///   "VehicleCallTimeout": "00:00:02",
///   "ReconnectDelay": "00:00:02",
///   "Language": "zh",
///   "ActionHistory": 20,
///   "ScreensFile": "",
///   "ContentFile": "",
///   "GeneratedTracks": 0,
///   "GeneratedPlaces": 0,
///   "GeneratedContacts": 0,
///   "GeneratedContentSeed": 1
/// }
/// </code>
/// </example>
public sealed class GuiOptions : IValidatableObject
{
    /// <summary>The configuration section these options are read from: "Gui".</summary>
    public const string SectionName = "Gui";

    /// <summary>
    /// Where Cockpit.Gui serves gRPC (HTTP/2 without TLS) when it runs alone; not used when another
    /// process hosts the HMI. The default value is "http://127.0.0.1:55556".
    /// </summary>
    [Required]
    [Url]
    public string Url { get; set; } = "http://127.0.0.1:55556";

    /// <summary>
    /// Where Cockpit.Gui serves the watch page (HTTP/1.1, <c>/hmi/</c>) when it runs alone; empty
    /// serves no page. A second port because browsers do not speak HTTP/2 without TLS, and Kestrel
    /// offers HTTP/2 without TLS only on an HTTP/2-only endpoint. The default value is "http://127.0.0.1:55566".
    /// </summary>
    [RegularExpression("^(https?://.+)?$")]
    public string PageUrl { get; set; } = "http://127.0.0.1:55566";

    /// <summary>
    /// Listen on a <see cref="Url"/> or <see cref="PageUrl"/> host other than loopback. The default value is false: another
    /// host is refused at start.
    /// </summary>
    public bool AllowNonLoopback { get; set; }

    /// <summary>
    /// Also serve gRPC on this Unix domain socket (on a head unit <c>/run/cockpit/hmi.sock</c>). The default
    /// value is none.
    /// </summary>
    public string? UnixSocketPath { get; set; }

    /// <summary>
    /// The vehicle service (kuksa.val.v2) that car-bound screens read and write, as a URL or a Unix domain
    /// socket (<c>unix:/run/cockpit/vehicle.sock</c>); empty runs the HMI without a car, every binding shown
    /// as unavailable. The default value is "http://127.0.0.1:55555".
    /// </summary>
    [RegularExpression("^((https?://|unix:).+)?$")]
    public string VehicleAddress { get; set; } = "http://127.0.0.1:55555";

    /// <summary>
    /// The JWT the HMI sends to the vehicle service with every call (<c>Cockpit.Agent token issue</c>; its scope must cover
    /// the signals the screens show and set). The default value is none: no token.
    /// </summary>
    public string? VehicleToken { get; set; }

    /// <summary>A file holding that token, read at start; <see cref="VehicleToken"/> wins when both are set. The default value is none.</summary>
    public string? VehicleTokenPath { get; set; }

    /// <summary>How long one call to the vehicle service may take. The default value is 2 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan VehicleCallTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long to wait before subscribing again after the vehicle service went away. The default value is 2 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The language the watch page shows first: "zh" or "en". The default value is "zh".</summary>
    [Required]
    [RegularExpression("^(zh|en)$")]
    public string Language { get; set; } = "zh";

    /// <summary>How many of the latest actions the watch page lists. The default value is 20.</summary>
    [Range(1, 1000)]
    public int ActionHistory { get; set; } = 20;

    /// <summary>A screen file to use instead of the embedded one (docs/formats/hmi-screens.md). The default value is empty: embedded.</summary>
    public string? ScreensFile { get; set; }

    /// <summary>A content file to use instead of the embedded one. The default value is empty: embedded.</summary>
    public string? ContentFile { get; set; }

    /// <summary>
    /// Generated tracks added to the content's music library, to try the HMI at a real library's scale (10,000 is a
    /// large one); names from the embedded <c>Screens/content-words.json</c>, in both scripts. The default value is 0.
    /// </summary>
    [Range(0, 20_000)]
    public int GeneratedTracks { get; set; }

    /// <summary>Generated places added to the navigation's (at most 6,144). The default value is 0.</summary>
    [Range(0, 6_144)]
    public int GeneratedPlaces { get; set; }

    /// <summary>Generated contacts added to the phone book. The default value is 0.</summary>
    [Range(0, 800)]
    public int GeneratedContacts { get; set; }

    /// <summary>The seed of the generated content: the same seed and counts give the same names. The default value is 1.</summary>
    public int GeneratedContentSeed { get; set; } = 1;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(VehicleToken) && !string.IsNullOrWhiteSpace(VehicleTokenPath) && !File.Exists(VehicleTokenPath))
        {
            yield return new ValidationResult($"Gui:VehicleTokenPath: '{VehicleTokenPath}' does not exist", [nameof(VehicleTokenPath)]);
        }

        foreach (var (key, url) in new[] { (nameof(Url), Url), (nameof(PageUrl), PageUrl) })
        {
            if (!string.IsNullOrEmpty(url) && Uri.TryCreate(url, UriKind.Absolute, out var uri)
                && ListenAddress.Check($"Gui:{key}", uri.Host.Trim('[', ']'), AllowNonLoopback, $"Gui:{nameof(AllowNonLoopback)}") is { } problem)
            {
                yield return new ValidationResult(problem, [key]);
            }
        }
    }
}
