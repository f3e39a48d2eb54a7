using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Cockpit.ServiceDefaults.Security;

/// <summary>
/// The key pairs that sign and check the tokens of Cockpit's services: RSA (at least 2048 bits, RS256) or EC P-256
/// (ES256), exchanged as PEM (PKCS#8 private keys, SubjectPublicKeyInfo public keys, as <c>openssl</c> writes them).
/// </summary>
public static class TokenKeys
{
    /// <summary>Creates a fresh RSA 2048 key pair as PEM text.</summary>
    public static (string PrivateKeyPem, string PublicKeyPem) CreateRsaPem()
    {
        using var rsa = RSA.Create(2048);
        return (rsa.ExportPkcs8PrivateKeyPem(), rsa.ExportSubjectPublicKeyInfoPem());
    }

    /// <summary>The public key in <paramref name="pem"/>; throws <see cref="FormatException"/> naming what is wrong.</summary>
    public static AsymmetricSecurityKey ReadPublicKey(string pem) => Read(pem, isPrivate: false).Key;

    /// <summary>The private key in <paramref name="pem"/> and the JWT algorithm it signs with (RS256 or ES256).</summary>
    public static (AsymmetricSecurityKey Key, string Algorithm) ReadPrivateKey(string pem) => Read(pem, isPrivate: true);

    private static (AsymmetricSecurityKey Key, string Algorithm) Read(string pem, bool isPrivate)
    {
        if (!PemEncoding.TryFind(pem, out var fields))
        {
            throw new FormatException("no PEM block found");
        }

        var label = pem[fields.Label];
        if (label.StartsWith("ENCRYPTED", StringComparison.Ordinal))
        {
            throw new FormatException("the private key is encrypted; give it unencrypted (keep the file readable by its owner only)");
        }

        var expected = isPrivate ? "PRIVATE KEY" : "PUBLIC KEY";
        if (!label.EndsWith(expected, StringComparison.Ordinal))
        {
            throw new FormatException($"expected a {expected} block, found {label}");
        }

        var rsa = RSA.Create();
        if (TryImport(rsa, pem))
        {
            return rsa.KeySize >= 2048
                ? (new RsaSecurityKey(rsa), SecurityAlgorithms.RsaSha256)
                : throw Dispose(rsa, new FormatException($"the RSA key has {rsa.KeySize} bits; at least 2048 are needed"));
        }

        rsa.Dispose();
        var ecdsa = ECDsa.Create();
        if (TryImport(ecdsa, pem))
        {
            return ecdsa.KeySize == 256
                ? (new ECDsaSecurityKey(ecdsa), SecurityAlgorithms.EcdsaSha256)
                : throw Dispose(ecdsa, new FormatException($"the EC key is on a {ecdsa.KeySize}-bit curve; ES256 needs P-256"));
        }

        ecdsa.Dispose();
        throw new FormatException($"the {label} block is neither an RSA nor an EC key");
    }

    private static bool TryImport(AsymmetricAlgorithm algorithm, string pem)
    {
        try
        {
            algorithm.ImportFromPem(pem);
            return true;
        }
        catch (Exception error) when (error is CryptographicException or ArgumentException)
        {
            return false;
        }
    }

    private static FormatException Dispose(AsymmetricAlgorithm algorithm, FormatException error)
    {
        algorithm.Dispose();
        return error;
    }
}
