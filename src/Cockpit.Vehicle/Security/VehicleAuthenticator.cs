using Cockpit.ServiceDefaults.Security;
using Microsoft.Extensions.Options;

namespace Cockpit.Vehicle.Security;

/// <summary>
/// Turns a call's <c>authorization</c> metadata into a <see cref="VehicleAccess"/>: the token is checked by
/// <see cref="BearerTokenValidator"/> and its scope parsed. With authorization off, everyone is
/// <see cref="VehicleAccess.Unrestricted"/>.
/// </summary>
internal sealed class VehicleAuthenticator(IOptions<VehicleAuthorizationOptions> options)
{
    private readonly BearerTokenValidator _validator = new(options.Value);

    /// <summary>
    /// The access the <paramref name="authorization"/> metadata value (<c>Bearer &lt;JWT&gt;</c>) grants; throws
    /// <see cref="AuthenticationFailedException"/> saying why it grants nothing.
    /// </summary>
    public async ValueTask<VehicleAccess> AuthenticateAsync(string? authorization)
    {
        if (await _validator.ValidateAsync(authorization) is not { } token)
        {
            return VehicleAccess.Unrestricted;
        }

        try
        {
            return VehicleAccess.Parse(token.Subject, token.Scope);
        }
        catch (FormatException error)
        {
            throw new AuthenticationFailedException($"the token of '{token.Subject}' has a malformed scope: {error.Message}");
        }
    }
}
