using Cockpit.Agent.Screen;
using Cockpit.Understanding;
using Cockpit.Understanding.Catalog;

namespace Cockpit.Agent.Conversations;

/// <summary>
/// The words the recogniser should expect for one turn: the action catalog's words (functions, zones,
/// operations, values) and what the HMI holds (contacts, tracks, places, as the screen agent learned them),
/// in the turn's language or both when it is unknown. The two sources alternate, so a prompt cut at its
/// length limit still carries both the car's commands and the names on the screen.
/// </summary>
internal sealed class RecognitionVocabulary(UtteranceUnderstander understander, ScreenAgent screen)
{
    private readonly IReadOnlyList<string> _zh = CatalogWords(understander.Catalog, zh: true);
    private readonly IReadOnlyList<string> _en = CatalogWords(understander.Catalog, zh: false);

    /// <summary>The vocabulary for a turn in <paramref name="language"/> (<c>zh</c>, <c>en</c>, or null for both).</summary>
    public IReadOnlyList<string> For(string? language)
    {
        IReadOnlyList<string> commands = language switch { "zh" => _zh, "en" => _en, _ => [.. _zh, .. _en] };
        IReadOnlyList<string> names = screen.Map is { } map ? ContentNames(map, language) : [];
        return [.. Interleave(commands, names).Distinct(StringComparer.Ordinal)];
    }

    private static IReadOnlyList<string> CatalogWords(ActionCatalog catalog, bool zh)
    {
        IEnumerable<string> Pick(IReadOnlyList<string> zhNames, IReadOnlyList<string> enNames) => zh ? zhNames : enNames;
        return [.. catalog.Functions.SelectMany(function => Pick(function.Zh, function.En).Concat(function.Value.Values.SelectMany(value => Pick(value.Zh, value.En))))
            .Concat(catalog.Zones.SelectMany(zone => Pick(zone.Zh, zone.En)))
            .Concat(catalog.Operations.SelectMany(operation => Pick(operation.Zh, operation.En)))
            .Concat(catalog.Functions.SelectMany(function => function.Phrases.Values.SelectMany(phrases => Pick(phrases.Zh, phrases.En))))
            .Distinct(StringComparer.Ordinal)];
    }

    private static List<string> ContentNames(UiMap map, string? language) =>
        [.. map.Lists.SelectMany(list => list.Rows).SelectMany(row => language switch
        {
            "zh" => [row.Name.Zh],
            "en" => [row.Name.En],
            _ => new[] { row.Name.Zh, row.Name.En },
        })];

    private static IEnumerable<string> Interleave(IReadOnlyList<string> first, IReadOnlyList<string> second)
    {
        for (var index = 0; index < Math.Max(first.Count, second.Count); index++)
        {
            if (index < first.Count)
            {
                yield return first[index];
            }

            if (index < second.Count)
            {
                yield return second[index];
            }
        }
    }
}
