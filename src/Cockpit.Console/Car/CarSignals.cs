namespace Cockpit.Console.Car;

/// <summary>
/// The VSS signals the console's car panel shows (standard VSS 6.0 paths, so any kuksa.val.v2 server that serves them
/// will do): doors and their locks, windows, the sunroof and its shade, climate per zone, seat heating, media, speed and
/// temperatures. The console subscribes to exactly these, and its token needs <see cref="ReadScope"/>.
/// </summary>
public static class CarSignals
{
    private static readonly string[] s_doors = ["Row1.DriverSide", "Row1.PassengerSide", "Row2.DriverSide", "Row2.PassengerSide"];

    private static readonly string[] s_zones = ["Row1.Driver", "Row1.Passenger", "Row2.Driver", "Row2.Passenger"];

    /// <summary>Every path the panel shows, in the panel's order.</summary>
    public static IReadOnlyList<string> Paths { get; } =
    [
        .. s_doors.SelectMany(door => new[] { $"Vehicle.Cabin.Door.{door}.IsLocked", $"Vehicle.Cabin.Door.{door}.IsOpen" }),
        "Vehicle.Body.Trunk.Rear.IsOpen",
        .. s_doors.Select(door => $"Vehicle.Cabin.Door.{door}.Window.Position"),
        "Vehicle.Cabin.Sunroof.Position",
        "Vehicle.Cabin.Sunroof.Switch",
        "Vehicle.Cabin.Sunroof.Shade.Position",
        .. s_zones.SelectMany(zone => new[] { $"Vehicle.Cabin.HVAC.Station.{zone}.Temperature", $"Vehicle.Cabin.HVAC.Station.{zone}.FanSpeed" }),
        "Vehicle.Cabin.HVAC.IsAirConditioningActive",
        "Vehicle.Cabin.HVAC.IsRecirculationActive",
        .. s_doors.Select(seat => $"Vehicle.Cabin.Seat.{seat}.HeatingCooling"),
        "Vehicle.Cabin.Infotainment.Media.Action",
        "Vehicle.Cabin.Infotainment.Media.Played.Track",
        "Vehicle.Cabin.Infotainment.Media.Played.Artist",
        "Vehicle.Cabin.Infotainment.Media.Played.Source",
        "Vehicle.Cabin.Infotainment.Media.Volume",
        "Vehicle.Cabin.Infotainment.HMI.TemperatureUnit",
        "Vehicle.Speed",
        "Vehicle.Cabin.HVAC.AmbientAirTemperature",
        "Vehicle.Exterior.AirTemperature",
    ];

    /// <summary>The vehicle-service scope the console's token needs: <c>read</c> of each path, nothing else.</summary>
    public static string ReadScope { get; } = string.Join(' ', Paths.Select(path => $"read:{path}"));
}
