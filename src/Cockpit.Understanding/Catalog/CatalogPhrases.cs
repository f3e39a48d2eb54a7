using System.Text.Json.Serialization;

namespace Cockpit.Understanding.Catalog;

/// <summary>The words that say an operation, in Mandarin and English.</summary>
public class CatalogPhrases
{
    /// <summary>Mandarin phrases.</summary>
    [JsonPropertyName("zh")]
    public IReadOnlyList<string> Zh { get; init; } = [];

    /// <summary>English phrases that stand before the noun ("turn on").</summary>
    [JsonPropertyName("en")]
    public IReadOnlyList<string> En { get; init; } = [];

    /// <summary>English phrases that follow the noun ("the AC on").</summary>
    [JsonPropertyName("enSuffix")]
    public IReadOnlyList<string> EnSuffix { get; init; } = [];

    /// <summary>Whether <paramref name="phrase"/> is one of these.</summary>
    /// <param name="phrase">The words as said.</param>
    public bool Contains(string phrase) => Zh.Contains(phrase) || En.Contains(phrase) || EnSuffix.Contains(phrase);
}
