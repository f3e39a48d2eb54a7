using System.Text.Json.Serialization;

namespace Cockpit.Understanding.Catalog;

/// <summary>A zone the occupant can name: a seat, a row, all seats, or "mine" (the speaking seat).</summary>
public sealed class CatalogZone
{
    /// <summary>Zone id: <c>driver</c>, <c>passenger</c>, <c>rear_left</c>, <c>rear_right</c>, <c>front</c>, <c>rear</c>, <c>all</c> or <c>mine</c>.</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = "";

    /// <summary>The seat ids this zone covers; empty for <c>mine</c>, which is the speaking seat.</summary>
    [JsonPropertyName("seats")]
    public IReadOnlyList<string> Seats { get; init; } = [];

    /// <summary>Label used in replies.</summary>
    [JsonPropertyName("label")]
    public LocalizedText Label { get; init; } = new();

    /// <summary>Mandarin phrases that name the zone (used by the data generator).</summary>
    [JsonPropertyName("zh")]
    public IReadOnlyList<string> Zh { get; init; } = [];

    /// <summary>English phrases that stand before the noun ("driver", "my").</summary>
    [JsonPropertyName("en")]
    public IReadOnlyList<string> En { get; init; } = [];

    /// <summary>English phrases that follow the noun ("for the driver", "on my side").</summary>
    [JsonPropertyName("enPost")]
    public IReadOnlyList<string> EnPost { get; init; } = [];
}
