using Microsoft.Extensions.Options;

namespace Cockpit.Vehicle;

/// <summary>Checks <see cref="VehicleOptions"/> data annotations at start (source-generated).</summary>
[OptionsValidator]
internal sealed partial class VehicleOptionsValidator : IValidateOptions<VehicleOptions>;
