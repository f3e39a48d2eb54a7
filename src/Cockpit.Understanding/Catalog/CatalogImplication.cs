using System.Text.Json.Serialization;

namespace Cockpit.Understanding.Catalog;

/// <summary>The function and operation that an operation word implies on its own ("warmer" means temperature up).</summary>
public sealed class CatalogImplication
{
    /// <summary>The implied function id.</summary>
    [JsonPropertyName("function")]
    public string Function { get; init; } = "";

    /// <summary>The implied operation id.</summary>
    [JsonPropertyName("op")]
    public string Op { get; init; } = "";
}
