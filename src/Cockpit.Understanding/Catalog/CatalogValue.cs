using System.Text.Json.Serialization;

namespace Cockpit.Understanding.Catalog;

/// <summary>The typed parameter of a catalog function.</summary>
public sealed class CatalogValue
{
    /// <summary>The value kind, as spelled in JSON (<c>bool</c>, <c>number</c>, <c>level</c>, <c>enum</c>, <c>command</c>, <c>text</c>, <c>none</c>).</summary>
    [JsonPropertyName("type")]
    public string TypeName { get; init; } = "none";

    /// <summary>The parsed value kind.</summary>
    [JsonIgnore]
    public CatalogValueType Type => TypeName switch
    {
        "bool" => CatalogValueType.Bool,
        "number" => CatalogValueType.Number,
        "level" => CatalogValueType.Level,
        "enum" => CatalogValueType.Enum,
        "command" => CatalogValueType.Command,
        "text" => CatalogValueType.Text,
        _ => CatalogValueType.None,
    };

    /// <summary>Smallest allowed number (numbers only).</summary>
    [JsonPropertyName("min")]
    public double Min { get; init; }

    /// <summary>Largest allowed number (numbers only).</summary>
    [JsonPropertyName("max")]
    public double Max { get; init; }

    /// <summary>Resolution of the value; targets are rounded to it. Defaults to 1.</summary>
    [JsonPropertyName("step")]
    public double Step { get; init; } = 1;

    /// <summary>Change applied by "a bit warmer" / "调高一点" when no amount is said.</summary>
    [JsonPropertyName("relativeStep")]
    public double RelativeStep { get; init; } = 1;

    /// <summary>For <c>level</c>, the VSS magnitude of level 0..n; for <c>number</c>, the value of "level k" when said.</summary>
    [JsonPropertyName("levels")]
    public IReadOnlyList<double> Levels { get; init; } = [];

    /// <summary>For <c>level</c>: +1 (heating) or -1 (ventilation) applied to the magnitude.</summary>
    [JsonPropertyName("sign")]
    public int Sign { get; init; } = 1;

    /// <summary>For <c>level</c>: the level that "on" selects.</summary>
    [JsonPropertyName("onLevel")]
    public int OnLevel { get; init; } = 1;

    /// <summary>Unit word used in replies and by the generator.</summary>
    [JsonPropertyName("unit")]
    public LocalizedText Unit { get; init; } = new();

    /// <summary>Allowed values of an enum.</summary>
    [JsonPropertyName("values")]
    public IReadOnlyList<CatalogEnumValue> Values { get; init; } = [];

    /// <summary>For <c>text</c>: the argument slot name (<c>query</c>, <c>place</c>, <c>contact</c>, <c>target</c>).</summary>
    [JsonPropertyName("slot")]
    public string? Slot { get; init; }
}
