namespace Cockpit.Gui.Screens;

/// <summary>The vehicle signal an element shows or sets.</summary>
internal sealed class VssBinding
{
    /// <summary>The VSS path, e.g. <c>Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature</c>.</summary>
    public string Path { get; init; } = string.Empty;

    /// <summary>The VSS data type used to write: bool, float, double, uint8, uint16, uint32, int8, int16, int32 or string.</summary>
    public string Type { get; init; } = string.Empty;

    /// <summary>Shown after the value in labels, e.g. "°C".</summary>
    public string? Unit { get; init; }
}
