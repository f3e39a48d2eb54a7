using Cockpit.Vehicle.Vss;

namespace Cockpit.Vehicle.Tests.Vss;

public sealed class VssPathPatternTests
{
    [Theory]
    [InlineData("Vehicle.Cabin", "Vehicle.Cabin.Door.Row1.DriverSide.IsOpen", true)]
    [InlineData("Vehicle.Cabin", "Vehicle.CabinX.Door", false)]
    [InlineData("Vehicle.Cabin.Door.*.*.IsOpen", "Vehicle.Cabin.Door.Row2.PassengerSide.IsOpen", true)]
    [InlineData("Vehicle.Cabin.Door.*.*.IsOpen", "Vehicle.Cabin.Door.Row2.PassengerSide.Window.IsOpen", false)]
    [InlineData("Vehicle.**.IsOpen", "Vehicle.Body.Trunk.Rear.IsOpen", true)]
    [InlineData("**", "Vehicle.Speed", true)]
    [InlineData("Vehicle.Speed", "Vehicle.Speed", true)]
    public void Matches_Path_AsExpected(string pattern, string path, bool expected) =>
        Assert.Equal(expected, VssPathPattern.Parse(pattern).Matches(path));

    [Theory]
    [InlineData("")]
    [InlineData("Vehicle..Cabin")]
    [InlineData("Vehicle.Cab*")]
    public void Parse_Malformed_Throws(string pattern) =>
        Assert.Throws<ArgumentException>(() => VssPathPattern.Parse(pattern));
}
