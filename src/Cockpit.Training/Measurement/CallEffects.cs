using System.Globalization;
using System.Text;
using Cockpit.Understanding;
using Cockpit.Understanding.Catalog;
using Cockpit.Understanding.Resolution;

namespace Cockpit.Training.Measurement;

/// <summary>
/// Exact match by effect: the gold calls and the understood calls are resolved the same way (driver's seat, a car whose
/// state is unknown) and must come to the same VSS targets, screen tasks, questions and refusals. Two spellings of one
/// request ("open the window" and "set the window to 100") match; a call that would move another seat does not. Free
/// text matches when, normalised (case, spaces, punctuation, a leading "the"), one holds the other.
/// </summary>
internal sealed class CallEffects(ActionCatalog catalog)
{
    private readonly ActionResolver _resolver = new(catalog);

    /// <summary>Whether <paramref name="predicted"/> does what one of <paramref name="alternatives"/> does.</summary>
    public bool Match(IReadOnlyList<IReadOnlyList<ActionCall>> alternatives, IReadOnlyList<ActionCall> predicted)
    {
        var actual = Effects(predicted);
        return alternatives.Any(gold => Same(Effects(gold), actual));
    }

    /// <summary>What the calls do, one entry per target, task, question or refusal, with free text apart.</summary>
    public List<(string Key, string? Text)> Effects(IReadOnlyList<ActionCall> calls)
    {
        var effects = new List<(string, string?)>();
        foreach (var action in _resolver.Resolve(calls, Seat.Driver, _ => null, null).Actions)
        {
            var function = action.Function?.Id ?? action.Reading?.Id ?? action.Call.Function ?? "_";
            if (action.Refusal is { } refusal)
            {
                effects.Add(($"refuse {function} {refusal.Reason}", null));
            }
            else if (action.Screen is { } task)
            {
                effects.Add(($"screen {task.Function} {ScreenSwitch(task.Operation)} {task.Value}", task.Text.Count == 0 ? null : string.Join("|", task.Text.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => t.Value.Text))));
            }
            else if (action.IsQuery)
            {
                effects.Add(($"read {string.Join(",", action.Reads.Order(StringComparer.Ordinal))}", null));
            }
            else
            {
                effects.AddRange(action.Targets.Select(target => ($"set {target.Path}={Format(target.Value)}", (string?)null)));
            }
        }

        effects.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        return effects;
    }

    // The screen tells its tasks' operations apart only as switching off or not: "open", "on" and "set" of an app all
    // open it (ScreenGrounder).
    private static string ScreenSwitch(string? operation) => operation is "off" or "close" ? "off" : "on";

    private static bool Same(List<(string Key, string? Text)> gold, List<(string Key, string? Text)> actual) =>
        gold.Count == actual.Count && gold.Zip(actual).All(pair => pair.First.Key == pair.Second.Key && SameText(pair.First.Text, pair.Second.Text));

    private static bool SameText(string? gold, string? actual)
    {
        if (gold is null || actual is null)
        {
            return gold == actual;
        }

        var (g, a) = (Normalise(gold), Normalise(actual));
        return g == a || (Math.Min(g.Length, a.Length) >= 2 && (g.Contains(a, StringComparison.Ordinal) || a.Contains(g, StringComparison.Ordinal)));
    }

    private static string Normalise(string text)
    {
        var lower = text.Trim().ToLowerInvariant();
        if (lower.StartsWith("the ", StringComparison.Ordinal))
        {
            lower = lower[4..];
        }

        var sb = new StringBuilder(lower.Length);
        foreach (var c in lower.Where(c => char.IsLetterOrDigit(c)))
        {
            sb.Append(c);
        }

        return sb.ToString();
    }

    private static string Format(object value) => value switch
    {
        double d => d.ToString("0.###", CultureInfo.InvariantCulture),
        float f => f.ToString("0.###", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
