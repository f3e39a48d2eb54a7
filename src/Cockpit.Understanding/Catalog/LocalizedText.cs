using System.Text.Json.Serialization;

namespace Cockpit.Understanding.Catalog;

/// <summary>A short text in the two languages Cockpit speaks.</summary>
public sealed class LocalizedText
{
    /// <summary>Mandarin (simplified) text.</summary>
    [JsonPropertyName("zh")]
    public string Zh { get; init; } = "";

    /// <summary>English text.</summary>
    [JsonPropertyName("en")]
    public string En { get; init; } = "";

    /// <summary>Returns the text for <paramref name="language"/> (<c>zh</c> or anything else for English).</summary>
    /// <param name="language">A language code such as <c>zh</c> or <c>en</c>.</param>
    public string For(string? language) =>
        language is not null && language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Zh : En;
}
