using System.Collections.Concurrent;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Cockpit.ServiceDefaults.Security;

/// <summary>
/// Checks a call's <c>authorization</c> metadata (<c>Bearer &lt;JWT&gt;</c>): the signature against the configured public
/// key (RS256 or ES256 only), the lifetime (<c>exp</c> required, <c>nbf</c>, within the clock skew), and the issuer and
/// audience when configured. Each service reads the token's scope its own way.
/// </summary>
public sealed class BearerTokenValidator
{
    private const string BearerPrefix = "Bearer ";
    private const int MaxRemembered = 256;
    private const int MaxTokenLength = 16 * 1024;

    private readonly JsonWebTokenHandler _handler = new();

    // Verifying a signature costs about as much as the rest of a loopback call, and clients send the same token with
    // every call: an accepted token (the exact same text, signature included) is remembered until it expires.
    private readonly ConcurrentDictionary<string, CallerToken> _accepted = new(StringComparer.Ordinal);
    private readonly TokenValidationParameters? _parameters;
    private readonly TokenAuthorizationOptions _options;

    /// <summary>Reads the public key of <paramref name="options"/> once; with <see cref="TokenAuthorizationOptions.Insecure"/> nothing is checked.</summary>
    /// <param name="options">The service's authorization options, validated at start.</param>
    public BearerTokenValidator(TokenAuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        if (options.Insecure)
        {
            return;
        }

        // Lifetimes are checked against the wall clock, never against an injected TimeProvider: that may be the
        // simulated car's clock.
        _parameters = new TokenValidationParameters
        {
            IssuerSigningKey = TokenKeys.ReadPublicKey(options.ReadPublicKeyPem()),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = options.ClockSkew,
            ValidateIssuer = options.Issuer is not null,
            ValidIssuer = options.Issuer,
            ValidateAudience = options.Audience is not null,
            ValidAudience = options.Audience,
        };
    }

    /// <summary>Whether tokens are checked at all (false when the service runs insecure).</summary>
    public bool IsEnabled => _parameters is not null;

    /// <summary>
    /// The token in <paramref name="authorization"/>; null when authorization is off. Throws
    /// <see cref="AuthenticationFailedException"/> saying why the metadata grants nothing.
    /// </summary>
    /// <param name="authorization">The value of the <c>authorization</c> metadata, or null when the call has none.</param>
    public async ValueTask<CallerToken?> ValidateAsync(string? authorization)
    {
        if (_parameters is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(authorization))
        {
            throw new AuthenticationFailedException(
                "no token: send the metadata 'authorization: Bearer <JWT>' with a token signed for this service (Cockpit.Agent token issue)");
        }

        if (!authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            throw new AuthenticationFailedException("the authorization metadata is not 'Bearer <JWT>'");
        }

        var jwt = authorization[BearerPrefix.Length..].Trim();
        if (jwt.Length > MaxTokenLength)
        {
            throw new AuthenticationFailedException($"the token is {jwt.Length} characters long; at most {MaxTokenLength} are accepted");
        }

        if (_accepted.TryGetValue(jwt, out var known))
        {
            if (DateTime.UtcNow <= known.ValidTo + _options.ClockSkew)
            {
                return known;
            }

            _accepted.TryRemove(jwt, out _);
        }

        var result = await _handler.ValidateTokenAsync(jwt, _parameters);
        if (!result.IsValid)
        {
            throw new AuthenticationFailedException(Explain(result.Exception));
        }

        var token = (JsonWebToken)result.SecurityToken;
        var caller = new CallerToken(
            string.IsNullOrEmpty(token.Subject) ? "(no subject)" : token.Subject,
            string.Join(' ', token.Claims.Where(claim => claim.Type == TokenIssuer.ScopeClaim).Select(claim => claim.Value)),
            token.ValidTo);
        if (_accepted.Count >= MaxRemembered)
        {
            _accepted.Clear();
        }

        _accepted[jwt] = caller;
        return caller;
    }

    private string Explain(Exception? error) => error switch
    {
        SecurityTokenExpiredException expired => $"the token expired at {expired.Expires:yyyy-MM-dd HH:mm:ss}Z",
        SecurityTokenNotYetValidException early => $"the token is not valid before {early.NotBefore:yyyy-MM-dd HH:mm:ss}Z",
        SecurityTokenNoExpirationException => "the token has no expiry (exp)",
        SecurityTokenInvalidAlgorithmException => "the token is not signed with RS256 or ES256",
        SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException =>
            "the token's signature does not verify with the service's public key (altered, or signed with another key)",
        SecurityTokenInvalidIssuerException => $"the token's issuer is not '{_options.Issuer}'",
        SecurityTokenInvalidAudienceException => $"the token's audience does not include '{_options.Audience}'",
        SecurityTokenMalformedException or SecurityTokenArgumentException or ArgumentException => "the token is not a well-formed JWT",
        _ => $"the token is not valid ({error?.GetType().Name ?? "unknown reason"})",
    };
}
