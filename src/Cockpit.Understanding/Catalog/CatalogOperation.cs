using System.Text.Json.Serialization;

namespace Cockpit.Understanding.Catalog;

/// <summary>An operation word class such as <c>on</c>, <c>up</c>, <c>half</c> or <c>warmer</c>, with its usual phrases.</summary>
public sealed class CatalogOperation : CatalogPhrases
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
}
