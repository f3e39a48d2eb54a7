using System.Text.Json.Serialization;

namespace Cockpit.Understanding.Catalog;

/// <summary>How a function is split over seats.</summary>
public sealed class CatalogZoning
{
    /// <summary>Informational: <c>station</c> (HVAC), <c>seat</c> or <c>mirror</c>.</summary>
    [JsonPropertyName("scheme")]
    public string Scheme { get; init; } = "seat";

    /// <summary>Zone used when the utterance names none (<c>mine</c>, <c>front</c>, <c>all</c>).</summary>
    [JsonPropertyName("default")]
    public string Default { get; init; } = "mine";

    /// <summary>Seats this function exists for.</summary>
    [JsonPropertyName("seats")]
    public IReadOnlyList<string> Seats { get; init; } = [];
}
