using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cockpit.Understanding.Catalog;

/// <summary>One thing the occupant can ask for: a vehicle function bound to VSS, or a screen task.</summary>
public sealed class CatalogFunction
{
    /// <summary>Function id, e.g. <c>climate.temperature</c> or <c>screen.navigate</c>.</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = "";

    /// <summary><c>vehicle</c> (VSS actuators) or <c>screen</c> (the HMI).</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; init; } = "vehicle";

    /// <summary>True for screen tasks, which have no VSS binding.</summary>
    [JsonIgnore]
    public bool IsScreenTask => Kind == "screen";

    /// <summary>Label used in replies.</summary>
    [JsonPropertyName("label")]
    public LocalizedText Label { get; init; } = new();

    /// <summary>Mandarin phrases naming the function.</summary>
    [JsonPropertyName("zh")]
    public IReadOnlyList<string> Zh { get; init; } = [];

    /// <summary>English phrases naming the function.</summary>
    [JsonPropertyName("en")]
    public IReadOnlyList<string> En { get; init; } = [];

    /// <summary>Seat split, or null for a function that exists once in the car.</summary>
    [JsonPropertyName("zoning")]
    public CatalogZoning? Zoning { get; init; }

    /// <summary>VSS path, or a template with <c>{Row}</c>, <c>{Side}</c>, <c>{Station}</c> for zoned functions.</summary>
    [JsonPropertyName("path")]
    public string? Path { get; init; }

    /// <summary>
    /// Where the function's state is read when it differs from <see cref="Path"/>: a command actuator's effect (the
    /// sunroof's <c>Switch</c> moves its <c>Position</c>). Null: the state is at <see cref="Path"/>.
    /// </summary>
    [JsonPropertyName("statePath")]
    public string? StatePath { get; init; }

    /// <summary>The typed parameter.</summary>
    [JsonPropertyName("value")]
    public CatalogValue Value { get; init; } = new();

    /// <summary>Interlock class the vehicle enforces (<c>moving</c>: refused while driving), informational.</summary>
    [JsonPropertyName("interlock")]
    public string? Interlock { get; init; }

    /// <summary>Operations this function accepts; a literal value (bool, number, string) or null for the generic meaning.</summary>
    [JsonPropertyName("ops")]
    public IReadOnlyDictionary<string, JsonElement?> Ops { get; init; } = new Dictionary<string, JsonElement?>();

    /// <summary>
    /// Phrases that replace an operation's usual ones for this function, by operation id: where the thing's movement
    /// turns a word around ("roll down the window" opens it, "lower the temperature" lowers it).
    /// </summary>
    [JsonPropertyName("phrases")]
    public IReadOnlyDictionary<string, CatalogPhrases> Phrases { get; init; } = new Dictionary<string, CatalogPhrases>();

    /// <summary>The phrases that say <paramref name="operation"/> of this function: its own where the catalog gives them.</summary>
    /// <param name="operation">The operation.</param>
    public CatalogPhrases PhrasesOf(CatalogOperation operation) => Phrases.GetValueOrDefault(operation.Id) ?? operation;

    /// <summary>True when <paramref name="op"/> is accepted.</summary>
    /// <param name="op">Operation id.</param>
    public bool Accepts(string op) => Ops.ContainsKey(op);

    /// <summary>The literal an operation stands for (<c>open</c> → 100, <c>on</c> → true), or null when it is generic.</summary>
    /// <param name="op">Operation id.</param>
    public object? Literal(string op)
    {
        if (!Ops.TryGetValue(op, out var element) || element is not { } e)
        {
            return null;
        }

        return e.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => e.GetDouble(),
            JsonValueKind.String => e.GetString(),
            _ => null,
        };
    }

    /// <summary>
    /// The first spelling, in catalog order, of the operation that sets the same literal as <paramref name="op"/>
    /// (<c>close</c> → <c>off</c> for a lamp, <c>max</c> → <c>open</c> for a window): one action, one spelling.
    /// Generic operations (no literal) are returned as they are.
    /// </summary>
    /// <param name="op">An accepted operation id.</param>
    public string CanonicalOperation(string op)
    {
        if (Literal(op) is not { } literal)
        {
            return op;
        }

        return Ops.Keys.First(o => Equals(Literal(o), literal));
    }

    /// <summary>Finds the enum value with the given VSS spelling, or null.</summary>
    /// <param name="value">The value, compared case-insensitively.</param>
    public CatalogEnumValue? FindValue(string value) =>
        Value.Values.FirstOrDefault(v => string.Equals(v.Value, value, StringComparison.OrdinalIgnoreCase));

    /// <inheritdoc />
    public override string ToString() => Id;
}
