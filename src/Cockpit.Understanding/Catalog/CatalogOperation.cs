using System.Text.Json.Serialization;

namespace Cockpit.Understanding.Catalog;

/// <summary>An operation word class such as <c>on</c>, <c>up</c>, <c>half</c> or <c>warmer</c>.</summary>
public sealed class CatalogOperation
{
    /// <summary>Operation id.</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = "";

    /// <summary>When a call names several operations, the highest rank wins ("open … halfway" is <c>half</c>).</summary>
    [JsonPropertyName("rank")]
    public int Rank { get; init; }

    /// <summary>The function and operation this word implies when no function is named, or null.</summary>
    [JsonPropertyName("implies")]
    public CatalogImplication? Implies { get; init; }

    /// <summary>Mandarin phrases.</summary>
    [JsonPropertyName("zh")]
    public IReadOnlyList<string> Zh { get; init; } = [];

    /// <summary>English phrases that stand before the noun ("turn on").</summary>
    [JsonPropertyName("en")]
    public IReadOnlyList<string> En { get; init; } = [];

    /// <summary>English phrases that follow the noun ("the AC on").</summary>
    [JsonPropertyName("enSuffix")]
    public IReadOnlyList<string> EnSuffix { get; init; } = [];
}
