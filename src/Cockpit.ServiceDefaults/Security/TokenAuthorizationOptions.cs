using System.ComponentModel.DataAnnotations;

namespace Cockpit.ServiceDefaults.Security;

/// <summary>
/// Who may call a service: the public key that signs valid tokens, and optionally their issuer and audience. Each service
/// binds its own section (<c>Vehicle:Authorization</c>, <c>Agent:Authorization</c>, <c>Gui:Authorization</c>):
/// <code>
/// "Authorization": {
///   "Insecure": false,
///   "PublicKeyPath": "/etc/cockpit/cockpit-public.pem",
///   "PublicKey": null,
///   "Issuer": null,
///   "Audience": null,
///   "ClockSkew": "00:00:30"
/// }
/// </code>
/// Every call must carry a JWT (<c>authorization: Bearer …</c>) signed with the private key that belongs to the public
/// key configured here, whose <c>scope</c> claim grants what the call does. Without a key the service does not start,
/// unless <see cref="Insecure"/> switches authorization off.
/// </summary>
public abstract class TokenAuthorizationOptions : IValidatableObject
{
    /// <summary>Serve every call without a token, as if it held every scope: for development only. Defaults to false.</summary>
    public bool Insecure { get; set; }

    /// <summary>A PEM file with the public key (RSA for RS256, or EC P-256 for ES256) that signs valid tokens.</summary>
    public string? PublicKeyPath { get; set; }

    /// <summary>
    /// The same public key as PEM text, for hosts that create their key pair in memory (the embedded default).
    /// Used instead of <see cref="PublicKeyPath"/> when set.
    /// </summary>
    public string? PublicKey { get; set; }

    /// <summary>When set, a token's <c>iss</c> claim must equal it. Defaults to none (not checked).</summary>
    public string? Issuer { get; set; }

    /// <summary>When set, a token's <c>aud</c> claim must contain it. Defaults to none (not checked).</summary>
    public string? Audience { get; set; }

    /// <summary>The clock difference tolerated when checking <c>exp</c> and <c>nbf</c>. Defaults to 30 s; at most 5 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The configuration section these options are bound from, for messages (<c>Vehicle:Authorization</c>).</summary>
    protected abstract string Section { get; }

    /// <summary>The configured public key as PEM text; reads <see cref="PublicKeyPath"/> when no inline key is set.</summary>
    public string ReadPublicKeyPem() => HasInlineKey ? PublicKey! : File.ReadAllText(PublicKeyPath!);

    private bool HasInlineKey => !string.IsNullOrWhiteSpace(PublicKey);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Insecure)
        {
            yield break;
        }

        if (!HasInlineKey && string.IsNullOrWhiteSpace(PublicKeyPath))
        {
            yield return new ValidationResult(
                $"{Section} has no public key to check tokens with. Set {Section}:PublicKeyPath to a PEM public key " +
                "(create a key pair with `Cockpit.Agent token keygen --out DIR`), or, for development only, start without authorization " +
                $"with --{Section}:Insecure=true.",
                [nameof(PublicKeyPath)]);
            yield break;
        }

        string? problem;
        try
        {
            TokenKeys.ReadPublicKey(ReadPublicKeyPem());
            problem = null;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or FormatException)
        {
            problem = error.Message;
        }

        if (problem is not null)
        {
            var (member, source) = HasInlineKey ? (nameof(PublicKey), "the inline key") : (nameof(PublicKeyPath), $"'{PublicKeyPath}'");
            yield return new ValidationResult($"{Section}:{member}: {source} holds no usable public key: {problem}", [member]);
        }
    }
}
