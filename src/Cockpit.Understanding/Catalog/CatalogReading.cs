using System.Text.Json.Serialization;

namespace Cockpit.Understanding.Catalog;

/// <summary>
/// A state of the car the occupant may ask about that no function sets: a sensor ("how fast are we going") or what the
/// media player reports ("what song is this"). Asked as <c>{id}.query</c>; the answer is read from <see cref="Paths"/>.
/// </summary>
public sealed class CatalogReading
{
    /// <summary>Reading id, e.g. <c>sensor.speed</c>.</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = "";

    /// <summary>Label used in answers ("车速" / "speed").</summary>
    [JsonPropertyName("label")]
    public LocalizedText Label { get; init; } = new();

    /// <summary>The VSS paths read to answer, in the order the answer names them.</summary>
    [JsonPropertyName("paths")]
    public IReadOnlyList<string> Paths { get; init; } = [];

    /// <summary>The unit the answer gives the value in, or empty.</summary>
    [JsonPropertyName("unit")]
    public LocalizedText Unit { get; init; } = new();

    /// <inheritdoc />
    public override string ToString() => Id;
}
