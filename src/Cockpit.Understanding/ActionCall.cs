using System.Globalization;
using System.Text;

namespace Cockpit.Understanding;

/// <summary>
/// One call against the action catalog, as understood from the utterance and validated against the catalog.
/// It says what was asked, not yet what to write: <see cref="Resolution.ActionResolver"/> turns it into VSS targets.
/// </summary>
public sealed record ActionCall
{
    /// <summary>Catalog function id (<c>climate.temperature</c>, <c>screen.navigate</c>), or null for a follow-up that names
    /// no function ("a bit higher", "close it too"); the resolver then uses the last turn's function.</summary>
    public string? Function { get; init; }

    /// <summary>Catalog operation id (<c>set</c>, <c>up</c>, <c>down</c>, <c>on</c>, <c>off</c>, <c>open</c>, <c>max</c>, <c>half</c>, …),
    /// or null for screen tasks that take only text ("navigate to X").</summary>
    public string? Operation { get; init; }

    /// <summary>Zone ids the occupant named (<c>driver</c>, <c>front</c>, <c>all</c>, <c>mine</c>, …); empty means the function's default.</summary>
    public IReadOnlyList<string> Zones { get; init; } = [];

    /// <summary>The absolute value said, or null.</summary>
    public ActionValue? Value { get; init; }

    /// <summary>The amount of a relative change ("调高两度" → 2), in the function's unit or in levels; null means the catalog's step.</summary>
    public double? Delta { get; init; }

    /// <summary>Free-text arguments by slot (<c>query</c>, <c>place</c>, <c>contact</c>, <c>target</c>) as spans of the utterance.</summary>
    public IReadOnlyDictionary<string, TextSpan> Text { get; init; } = new Dictionary<string, TextSpan>();

    /// <summary>Model confidence for the tokens of this call, 0..1.</summary>
    public float Confidence { get; init; } = 1f;

    /// <summary>True when the call names no function and needs the dialogue context.</summary>
    public bool IsFollowUp => Function is null;

    /// <summary>A compact, stable rendering such as <c>climate.temperature.set(zones=driver, value=22)</c>.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(Function ?? "<context>").Append('.').Append(Operation ?? "run").Append('(');
        var parts = new List<string>();
        if (Zones.Count > 0)
        {
            parts.Add("zones=" + string.Join('+', Zones.Order(StringComparer.Ordinal)));
        }

        if (Value is not null)
        {
            parts.Add("value=" + Value);
        }

        if (Delta is { } d)
        {
            parts.Add("delta=" + d.ToString(CultureInfo.InvariantCulture));
        }

        foreach (var kv in Text.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            parts.Add($"{kv.Key}=\"{kv.Value.Text}\"");
        }

        return sb.Append(string.Join(", ", parts)).Append(')').ToString();
    }

    private static string Normalize(string s) => s.Trim().ToLowerInvariant();
}
