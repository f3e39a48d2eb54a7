using System.Text.Json.Serialization;

namespace Cockpit.Understanding.Catalog;

/// <summary>One allowed value of an enumerated function parameter.</summary>
public sealed class CatalogEnumValue
{
    /// <summary>The value written to VSS (or passed to the screen task), e.g. <c>BLUE</c>.</summary>
    [JsonPropertyName("value")]
    public string Value { get; init; } = "";

    /// <summary>Label used in replies.</summary>
    [JsonPropertyName("label")]
    public LocalizedText Label { get; init; } = new();

    /// <summary>Mandarin phrases.</summary>
    [JsonPropertyName("zh")]
    public IReadOnlyList<string> Zh { get; init; } = [];

    /// <summary>English phrases.</summary>
    [JsonPropertyName("en")]
    public IReadOnlyList<string> En { get; init; } = [];
}
