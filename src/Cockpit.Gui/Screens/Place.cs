namespace Cockpit.Gui.Screens;

/// <summary>A place the navigation can guide to.</summary>
internal sealed class Place : ContentItem
{
    /// <summary>station, airport, charging, sight, shopping, park, hospital, favourite, ...</summary>
    public string Category { get; init; } = string.Empty;

    public double Latitude { get; init; }

    public double Longitude { get; init; }

    /// <summary>Great-circle distance from the car in kilometres, filled in on load.</summary>
    public double DistanceKm { get; set; }
}
