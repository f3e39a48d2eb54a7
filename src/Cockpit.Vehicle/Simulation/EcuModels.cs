using Cockpit.Vehicle.Simulation.Ecus;
using Cockpit.Vehicle.Vss;

namespace Cockpit.Vehicle.Simulation;

/// <summary>The behaviour every simulated ECU can host; each ECU applies it to the signals it owns.</summary>
internal static class EcuModels
{
    /// <summary>A fresh set of models, the catch-all <see cref="ImmediateEcu"/> last.</summary>
    public static EcuModel[] Create(VssCatalog catalog, VehicleOptions settings)
    {
        var models = new List<EcuModel>
        {
            new PositionMotorEcu(VssPathPattern.Parse("Vehicle.Cabin.Door.*.*.Window.Position"), settings.WindowTravelTime),
            new PositionMotorEcu(VssPathPattern.Parse("Vehicle.Cabin.Sunroof.Shade.Position"), settings.ShadeTravelTime),
            new PositionMotorEcu(VssPathPattern.Parse("Vehicle.Cabin.RearShade.Position"), settings.ShadeTravelTime),
            new DelayedSwitchEcu(VssPathPattern.Parse("Vehicle.Body.Trunk.*.IsOpen"), settings.TrunkTravelTime),
        };
        if (catalog.TryGet("Vehicle.Cabin.Sunroof.Switch", out _) && catalog.TryGet("Vehicle.Cabin.Sunroof.Position", out _))
        {
            models.Add(new SunroofEcu(catalog, settings.SunroofTravelTime));
        }

        if (catalog.TryGet("Vehicle.Cabin.Infotainment.Media.Action", out _) && catalog.TryGet("Vehicle.Cabin.Infotainment.Media.Played.Album", out _))
        {
            models.Add(new MediaPlayerEcu(catalog));
        }

        if (catalog.TryGet("Vehicle.Cabin.HVAC.AmbientAirTemperature", out _) && catalog.TryGet("Vehicle.Cabin.HVAC.Station.Row1.Passenger.Temperature", out _))
        {
            models.Add(new CabinClimateEcu(catalog, settings.CabinDriftPerSecond));
        }

        models.Add(new ImmediateEcu());
        return [.. models];
    }
}
