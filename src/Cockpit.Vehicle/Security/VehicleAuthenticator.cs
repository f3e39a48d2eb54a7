using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Cockpit.Vehicle.Security;

/// <summary>
/// Turns a call's <c>authorization</c> metadata into a <see cref="VehicleAccess"/>: checks the JWT's signature against
/// the configured public key (RS256 or ES256 only), its lifetime (<c>exp</c> required, <c>nbf</c>, within the clock
/// skew), its issuer and audience when configured, and parses its scope. With authorization off, everyone is
/// <see cref="VehicleAccess.Unrestricted"/>.
/// </summary>
internal sealed class VehicleAuthenticator
{
    private const string BearerPrefix = "Bearer ";
    private const int MaxRemembered = 256;

    private readonly JsonWebTokenHandler _handler = new();

    // Verifying a signature costs about as much as the rest of a loopback call, and clients send the same token with
    // every call: an accepted token (the exact same text, signature included) is remembered until it expires.
    private readonly ConcurrentDictionary<string, (VehicleAccess Access, DateTime ValidTo)> _accepted = new(StringComparer.Ordinal);
    private readonly TokenValidationParameters? _parameters;
    private readonly VehicleAuthorizationOptions _options;

    public VehicleAuthenticator(IOptions<VehicleAuthorizationOptions> options)
    {
        _options = options.Value;
        if (_options.Insecure)
        {
            return;
        }

        _parameters = new TokenValidationParameters
        {
            IssuerSigningKey = VehicleKeys.ReadPublicKey(_options.ReadPublicKeyPem()),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = _options.ClockSkew,
            ValidateIssuer = _options.Issuer is not null,
            ValidIssuer = _options.Issuer,
            ValidateAudience = _options.Audience is not null,
            ValidAudience = _options.Audience,
        };
        // Lifetimes are checked against the wall clock, never against the injected TimeProvider: that may be the
        // simulated car's clock.
    }

    /// <summary>
    /// The access the <paramref name="authorization"/> metadata value (<c>Bearer &lt;JWT&gt;</c>) grants; throws
    /// <see cref="AuthenticationFailedException"/> saying why it grants nothing.
    /// </summary>
    public async ValueTask<VehicleAccess> AuthenticateAsync(string? authorization)
    {
        if (_parameters is null)
        {
            return VehicleAccess.Unrestricted;
        }

        if (string.IsNullOrWhiteSpace(authorization))
        {
            throw new AuthenticationFailedException(
                "no token: send the metadata 'authorization: Bearer <JWT>' with a token signed for this vehicle service (Cockpit.Agent token issue)");
        }

        if (!authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            throw new AuthenticationFailedException("the authorization metadata is not 'Bearer <JWT>'");
        }

        var jwt = authorization[BearerPrefix.Length..].Trim();
        if (_accepted.TryGetValue(jwt, out var known))
        {
            if (DateTime.UtcNow <= known.ValidTo + _options.ClockSkew)
            {
                return known.Access;
            }

            _accepted.TryRemove(jwt, out _);
        }

        var result = await _handler.ValidateTokenAsync(jwt, _parameters);
        if (!result.IsValid)
        {
            throw new AuthenticationFailedException(Explain(result.Exception));
        }

        var token = (JsonWebToken)result.SecurityToken;
        var subject = string.IsNullOrEmpty(token.Subject) ? "(no subject)" : token.Subject;
        var scope = string.Join(' ', token.Claims.Where(claim => claim.Type == VehicleAccess.ScopeClaim).Select(claim => claim.Value));
        VehicleAccess access;
        try
        {
            access = VehicleAccess.Parse(subject, scope);
        }
        catch (FormatException error)
        {
            throw new AuthenticationFailedException($"the token of '{subject}' has a malformed scope: {error.Message}");
        }

        if (_accepted.Count >= MaxRemembered)
        {
            _accepted.Clear();
        }

        _accepted[jwt] = (access, token.ValidTo);
        return access;
    }

    private string Explain(Exception? error) => error switch
    {
        SecurityTokenExpiredException expired => $"the token expired at {expired.Expires:yyyy-MM-dd HH:mm:ss}Z",
        SecurityTokenNotYetValidException early => $"the token is not valid before {early.NotBefore:yyyy-MM-dd HH:mm:ss}Z",
        SecurityTokenNoExpirationException => "the token has no expiry (exp)",
        SecurityTokenInvalidAlgorithmException => "the token is not signed with RS256 or ES256",
        SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException =>
            "the token's signature does not verify with the vehicle service's public key (altered, or signed with another key)",
        SecurityTokenInvalidIssuerException => $"the token's issuer is not '{_options.Issuer}'",
        SecurityTokenInvalidAudienceException => $"the token's audience does not include '{_options.Audience}'",
        SecurityTokenMalformedException or SecurityTokenArgumentException or ArgumentException => "the token is not a well-formed JWT",
        _ => $"the token is not valid ({error?.GetType().Name ?? "unknown reason"})",
    };
}
