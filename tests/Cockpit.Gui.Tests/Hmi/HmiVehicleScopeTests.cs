using Cockpit.Gui.Vehicle;

namespace Cockpit.Gui.Tests.Hmi;

/// <summary>The HMI's token covers what its screens bind to and what it drives beyond them, and nothing else.</summary>
public sealed class HmiVehicleScopeTests
{
    [Fact]
    public void For_EmbeddedScreens_ActuatesBoundControlsAndMediaOnly()
    {
        var scope = HmiVehicleScope.For(new GuiOptions()).Split(' ');

        Assert.Contains("actuate:Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature", scope);
        Assert.Contains("actuate:Vehicle.Cabin.Infotainment.Media.Action", scope);
        Assert.Contains("actuate:Vehicle.Cabin.Infotainment.Navigation.DestinationSet.Latitude", scope);
        Assert.Contains("provide:Vehicle.Cabin.Infotainment.Media.Played.Track", scope);
        Assert.DoesNotContain(scope, entry => entry.Contains('*', StringComparison.Ordinal) || !entry.Contains(':', StringComparison.Ordinal));
        Assert.DoesNotContain(scope, entry => entry.Contains("Trunk", StringComparison.Ordinal) || entry.Contains("Powertrain", StringComparison.Ordinal));
        Assert.Equal(scope.Length, scope.Distinct(StringComparer.Ordinal).Count());
    }
}
