using System.Text.Json.Serialization;

namespace Cockpit.Understanding.Catalog;

/// <summary>The JSON shape of <c>action-catalog.json</c>.</summary>
internal sealed class CatalogDocument
{
    [JsonPropertyName("version")]
    public string Version { get; init; } = "";

    [JsonPropertyName("seats")]
    public Dictionary<string, CatalogSeat> Seats { get; init; } = [];

    [JsonPropertyName("zones")]
    public List<CatalogZone> Zones { get; init; } = [];

    [JsonPropertyName("ops")]
    public List<CatalogOperation> Ops { get; init; } = [];

    [JsonPropertyName("functions")]
    public List<CatalogFunction> Functions { get; init; } = [];

    [JsonPropertyName("readings")]
    public List<CatalogReading> Readings { get; init; } = [];
}
