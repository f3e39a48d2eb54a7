using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Cockpit.ServiceDefaults.Security;

/// <summary>
/// Signs tokens for Cockpit's services with a private key (RS256 for RSA, ES256 for EC P-256): what
/// <c>Cockpit.Agent token issue</c>, the embedded default and the tests use. The token carries <c>sub</c>,
/// <c>scope</c> (space-separated entries, each service reads its own), <c>iat</c>, <c>nbf</c>, <c>exp</c>, and optionally
/// <c>iss</c> and <c>aud</c>.
/// </summary>
public sealed class TokenIssuer
{
    /// <summary>The claim that lists what a token grants.</summary>
    public const string ScopeClaim = "scope";

    private readonly SigningCredentials _credentials;

    /// <summary>Creates an issuer from a PEM private key; throws <see cref="FormatException"/> when it holds none.</summary>
    public TokenIssuer(string privateKeyPem)
    {
        ArgumentException.ThrowIfNullOrEmpty(privateKeyPem);
        var (key, algorithm) = TokenKeys.ReadPrivateKey(privateKeyPem);
        _credentials = new SigningCredentials(key, algorithm);
    }

    /// <summary>
    /// A signed token for <paramref name="subject"/> granting <paramref name="scope"/> (space-separated entries such as
    /// <c>read actuate:Vehicle.Cabin.*</c> or <c>converse</c>), valid from <paramref name="issuedAt"/> (now when null) for <paramref name="lifetime"/>.
    /// </summary>
    public string Issue(string subject, string scope, TimeSpan lifetime, string? issuer = null, string? audience = null, DateTimeOffset? issuedAt = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(subject);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero);
        var now = (issuedAt ?? DateTimeOffset.UtcNow).UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity([new Claim(JwtRegisteredClaimNames.Sub, subject), new Claim(ScopeClaim, scope)]),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            Issuer = issuer,
            Audience = audience,
            SigningCredentials = _credentials,
        });
    }
}
