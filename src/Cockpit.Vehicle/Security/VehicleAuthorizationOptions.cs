using Cockpit.ServiceDefaults.Security;

namespace Cockpit.Vehicle.Security;

/// <summary>
/// Who may use the vehicle service's APIs, bound from the <c>Vehicle:Authorization</c> configuration section (keys:
/// <see cref="TokenAuthorizationOptions"/>). Every call to <c>kuksa.val.v2.VAL</c>, <c>cockpit.vehicle.v1.Simulation</c>
/// and <c>cockpit.vehicle.v1.CanBus</c> must carry a token whose <c>scope</c> grants what the call does
/// (<see cref="VehicleAccess"/>).
/// </summary>
public sealed class VehicleAuthorizationOptions : TokenAuthorizationOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Vehicle:Authorization";

    /// <inheritdoc />
    protected override string Section => SectionName;
}
