using Cockpit.Vehicle.Vss;

namespace Cockpit.Vehicle.Simulation;

/// <summary>
/// The documented state of a fresh simulated car (docs/architecture.md, "A fresh car"): parked,
/// everything closed and off, 22 °C set points, media loaded but stopped. Signals that no rule names
/// take the catalog's default, or no value.
/// </summary>
internal static class DefaultCarState
{
    /// <summary>Marks a signal that starts without a value.</summary>
    private static readonly object Unset = new();

    /// <summary>Pattern → value, the first matching rule wins. Numbers are converted to the signal's type.</summary>
    public static readonly IReadOnlyList<(string Pattern, object Value)> Rules =
    [
        ("Vehicle.Speed", 0.0),
        ("Vehicle.Powertrain.Transmission.SelectedGear", 126.0), // VSS: 126 = park
        ("Vehicle.Exterior.AirTemperature", 25.0),
        ("Vehicle.Cabin.HVAC.AmbientAirTemperature", 26.0),
        ("Vehicle.Cabin.HVAC.Station.*.*.Temperature", 22.0),
        ("Vehicle.Cabin.HVAC.Station.*.*.FanSpeed", 30.0),
        ("Vehicle.Cabin.HVAC.Station.*.*.AirDistribution", "MIDDLE"),
        ("Vehicle.Cabin.Sunroof.Switch", "INACTIVE"),
        ("Vehicle.Cabin.Light.AmbientLight.*.*.Color", "WHITE"),
        ("Vehicle.Cabin.Light.AmbientLight.*.*.Intensity", 50.0),
        ("Vehicle.Body.Windshield.*.Wiping.Mode", "OFF"),
        ("Vehicle.Cabin.Infotainment.Media.Action", "STOP"),
        ("Vehicle.Cabin.Infotainment.Media.Volume", 30.0),
        ("Vehicle.Cabin.Infotainment.Media.Played.Source", "USB"),
        ("Vehicle.Cabin.Infotainment.Media.Played.Track", "晴天"),
        ("Vehicle.Cabin.Infotainment.Media.Played.Artist", "周杰伦"),
        ("Vehicle.Cabin.Infotainment.Media.Played.Album", "叶惠美"),
        ("Vehicle.Cabin.Infotainment.HMI.Brightness", 70.0),
        ("Vehicle.Cabin.Infotainment.HMI.DayNightMode", "DAY"),
        ("Vehicle.Cabin.Infotainment.HMI.TemperatureUnit", "C"),
        ("Vehicle.Cabin.Infotainment.Navigation.Volume", 50.0),
        ("Vehicle.Cabin.Infotainment.Navigation.Mute", "UNMUTED"),
        ("Vehicle.Cabin.Infotainment.Navigation.DestinationSet.*", Unset),
        ("Vehicle.Cabin.**", 0.0), // positions, levels, seat climate: closed / off
        ("Vehicle.Body.**", 0.0),  // lights, mirrors, trunk: off / closed
    ];

    /// <summary>The starting value of each signal; null means no value.</summary>
    public static IEnumerable<(VssEntry Entry, object? Value)> For(VssCatalog catalog)
    {
        var rules = Rules.Select(rule => (Pattern: VssPathPattern.Parse(rule.Pattern), rule.Value)).ToArray();
        foreach (var entry in catalog.Entries)
        {
            var rule = rules.FirstOrDefault(candidate => candidate.Pattern.Matches(entry.Path));
            yield return (entry, rule.Pattern is null ? entry.Default : Convert(entry, rule.Value));
        }
    }

    private static object? Convert(VssEntry entry, object value) => value switch
    {
        _ when ReferenceEquals(value, Unset) => null,
        double number when entry.DataType == VssDataType.Boolean => number != 0,
        double number when VssDataTypes.IsNumeric(entry.DataType) => VssValues.FromNumber(entry.DataType, number),
        double => entry.Default, // e.g. a string signal under a "closed/off" branch rule
        string text when entry.DataType == VssDataType.String => text,
        _ => entry.Default,
    };
}
