using Cockpit.Vehicle.Security;

namespace Cockpit.Vehicle.Tests.Security;

public sealed class VehicleAccessTests
{
    [Theory]
    //          pattern                         path                                             matches
    [InlineData("Vehicle.Speed",                "Vehicle.Speed",                                 true)]
    [InlineData("Vehicle.Speed",                "Vehicle.SpeedLimit",                            false)]
    [InlineData("Vehicle.Cabin",                "Vehicle.Cabin.Door.Row1.DriverSide.IsOpen",     false)]
    [InlineData("Vehicle.Cabin.*",              "Vehicle.Cabin.Door.Row1.DriverSide.IsOpen",     true)]
    [InlineData("Vehicle.Cabin.*",              "Vehicle.Cabin.Sunroof",                         true)]
    [InlineData("Vehicle.Cabin.*",              "Vehicle.Cabin",                                 false)]
    [InlineData("Vehicle.Cabin.*",              "Vehicle.Body.Trunk.Rear.IsOpen",                false)]
    [InlineData("Vehicle.*.IsOpen",             "Vehicle.Cabin.Door.Row1.DriverSide.IsOpen",     true)]
    [InlineData("Vehicle.*.IsOpen",             "Vehicle.Body.Trunk.Rear.IsOpen",                true)]
    [InlineData("Vehicle.*.IsOpen",             "Vehicle.Body.Trunk.Rear.IsLocked",              false)]
    [InlineData("Vehicle.Cabin.Door.*.IsLocked", "Vehicle.Cabin.Door.Row2.PassengerSide.IsLocked", true)]
    [InlineData("*",                            "Vehicle.Speed",                                 true)]
    public void Allows_PathPattern_MatchesKuksaStyle(string pattern, string path, bool matches)
    {
        var access = VehicleAccess.Parse("test", $"read:{pattern}");

        Assert.Equal(matches, access.Allows(VehiclePermission.Read, path));
    }

    [Theory]
    //          scope                        permission                    allowed
    [InlineData("read",                      "read",       true)]
    [InlineData("read",                      "actuate",    false)]
    [InlineData("actuate",                   "read",       true)]
    [InlineData("provide",                   "read",       true)]
    [InlineData("provide",                   "actuate",    false)]
    [InlineData("create",                    "read",       true)]
    [InlineData("simulate",                  "read",       false)]
    [InlineData("",                          "read",       false)]
    [InlineData("read  actuate:Vehicle.*",   "actuate",    true)]
    public void Allows_Permission_ImpliesReadWhereKuksaDoes(string scope, string permission, bool allowed)
    {
        Assert.Equal(allowed, VehicleAccess.Parse("test", scope).Allows(Enum.Parse<VehiclePermission>(permission, ignoreCase: true), "Vehicle.Speed"));
    }

    [Theory]
    [InlineData("write", "'write' is none of read, actuate, provide, create, simulate")]
    [InlineData("read:", "'read:': '' has an empty path segment")]
    [InlineData("read:Vehicle..Speed", "has an empty path segment")]
    [InlineData("read:Vehicle.Cab*", "a wildcard must be a whole path segment")]
    [InlineData("simulate:Vehicle", "simulate covers the whole car and takes no path")]
    public void Parse_MalformedScope_FailsNamingTheEntry(string scope, string message)
    {
        var error = Assert.Throws<FormatException>(() => VehicleAccess.Parse("test", scope));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
