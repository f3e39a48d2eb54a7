namespace Cockpit.Gui.Screens;

/// <summary>WGS 84 coordinates in degrees.</summary>
internal sealed class GeoPoint
{
    public double Latitude { get; init; }

    public double Longitude { get; init; }
}
