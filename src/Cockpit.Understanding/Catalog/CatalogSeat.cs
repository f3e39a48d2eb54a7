using System.Text.Json.Serialization;

namespace Cockpit.Understanding.Catalog;

/// <summary>How one seat position is spelled in VSS path templates (<c>{Row}</c>, <c>{Side}</c>, <c>{Station}</c>).</summary>
public sealed class CatalogSeat
{
    /// <summary>The VSS row branch, <c>Row1</c> or <c>Row2</c>.</summary>
    [JsonPropertyName("row")]
    public string Row { get; init; } = "";

    /// <summary>The VSS side branch of seats, doors and lights, <c>DriverSide</c> or <c>PassengerSide</c>.</summary>
    [JsonPropertyName("side")]
    public string Side { get; init; } = "";

    /// <summary>The VSS HVAC station branch, <c>Driver</c> or <c>Passenger</c>.</summary>
    [JsonPropertyName("station")]
    public string Station { get; init; } = "";
}
