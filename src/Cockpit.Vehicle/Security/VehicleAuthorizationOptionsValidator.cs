using Microsoft.Extensions.Options;

namespace Cockpit.Vehicle.Security;

/// <summary>Checks <see cref="VehicleAuthorizationOptions"/> at start (source-generated; the key check is the options' own).</summary>
[OptionsValidator]
internal sealed partial class VehicleAuthorizationOptionsValidator : IValidateOptions<VehicleAuthorizationOptions>;
