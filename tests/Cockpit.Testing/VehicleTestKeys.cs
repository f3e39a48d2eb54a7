using Cockpit.ServiceDefaults.Security;
using Cockpit.Vehicle.Security;

namespace Cockpit.Testing;

/// <summary>
/// One ephemeral key pair per test run that every <see cref="VehicleServiceHost"/> trusts by default, so a test can
/// issue tokens before the service starts (e.g. for an agent that connects to it later).
/// </summary>
public static class VehicleTestKeys
{
    /// <summary>Every scope the vehicle service knows, unrestricted: what a test bench holds.</summary>
    public const string AllScopes = "read actuate provide simulate";

    private static readonly Lazy<(string Private, string Public, TokenIssuer Issuer)> s_keys = new(() =>
    {
        var (privateKey, publicKey) = TokenKeys.CreateRsaPem();
        return (privateKey, publicKey, new TokenIssuer(privateKey));
    });

    /// <summary>The public key, PEM.</summary>
    public static string PublicKeyPem => s_keys.Value.Public;

    /// <summary>The private key, PEM.</summary>
    public static string PrivateKeyPem => s_keys.Value.Private;

    /// <summary>A token for <paramref name="subject"/> granting <paramref name="scope"/>, valid for an hour from now.</summary>
    public static string Issue(string scope = AllScopes, string subject = "test") =>
        s_keys.Value.Issuer.Issue(subject, scope, TimeSpan.FromHours(1));
}
