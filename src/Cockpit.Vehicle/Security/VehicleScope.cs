namespace Cockpit.Vehicle.Security;

/// <summary>The vehicle service's scope grammar, for tools that issue its tokens.</summary>
public static class VehicleScope
{
    /// <summary>Throws <see cref="FormatException"/> naming the first entry of <paramref name="scope"/> the service would reject.</summary>
    /// <param name="scope">Space-separated entries, e.g. <c>read actuate:Vehicle.Cabin.*</c>.</param>
    public static void Validate(string scope) => VehicleAccess.Parse("(check)", scope);
}
