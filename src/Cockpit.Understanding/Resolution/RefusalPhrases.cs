using System.Collections.Frozen;
using System.Text.Json;
using Cockpit.Understanding.Catalog;

namespace Cockpit.Understanding.Resolution;

/// <summary>
/// The words of refusals (<c>Resolution/refusals.json</c>): per key, a phrase per language with <c>{holes}</c>
/// (<c>{what}</c> is the function's label). Code keeps no occupant-facing word; a new phrasing touches data only.
/// </summary>
internal static class RefusalPhrases
{
    private static readonly FrozenDictionary<string, LocalizedText> s_phrases = Load();

    /// <summary>The refusal of <paramref name="key"/>, its holes filled in both languages.</summary>
    /// <param name="reason">Why the call is refused.</param>
    /// <param name="key">The phrase's key in <c>refusals.json</c>.</param>
    /// <param name="function">The function refused, whose label fills <c>{what}</c>; null when none was named.</param>
    /// <param name="values">Further holes: name, Mandarin value, English value.</param>
    public static Refusal Refuse(RefusalReason reason, string key, CatalogFunction? function, params (string Name, string Zh, string En)[] values)
    {
        var phrase = s_phrases.GetValueOrDefault(key) ?? throw new KeyNotFoundException($"refusals.json: no phrase '{key}'");
        (string Name, string Zh, string En)[] holes = function is null ? values : [("what", function.Label.Zh, function.Label.En), .. values];
        return new Refusal(reason, new LocalizedText
        {
            Zh = holes.Aggregate(phrase.Zh, (text, hole) => text.Replace("{" + hole.Name + "}", hole.Zh, StringComparison.Ordinal)),
            En = holes.Aggregate(phrase.En, (text, hole) => text.Replace("{" + hole.Name + "}", hole.En, StringComparison.Ordinal)),
        });
    }

    private static FrozenDictionary<string, LocalizedText> Load()
    {
        using var stream = typeof(RefusalPhrases).Assembly.GetManifestResourceStream("Cockpit.Understanding.Resolution.refusals.json")
            ?? throw new InvalidOperationException("embedded refusals.json is missing from the build");
        return JsonSerializer.Deserialize<Dictionary<string, LocalizedText>>(stream)!.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
