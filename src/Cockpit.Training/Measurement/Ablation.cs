using Cockpit.Training.Labels;
using Cockpit.Understanding;
using Cockpit.Understanding.Model;

namespace Cockpit.Training.Measurement;

/// <summary>
/// What each of the decoder's repairs (<see cref="DecoderRules"/>) earns on the human-written dev set: the model's
/// outputs decoded with every rule, then with each rule off in turn.
/// </summary>
internal static class Ablation
{
    private static readonly DecoderRules[] s_rules =
        [.. Enum.GetValues<DecoderRules>().Where(rule => rule is not DecoderRules.None and not DecoderRules.All)];

    /// <summary>The table: each rule, the dev figures without it, and what it earns.</summary>
    public static string Run(UtteranceUnderstander understander, IReadOnlyList<LabeledUtterance> dev)
    {
        var sets = new EvaluationSets([], dev, [], []);
        Scoreboard Board(DecoderRules rules)
        {
            var decoder = new CallDecoder(understander.Catalog, new LabelSet(understander.Catalog), rules);
            UnderstandingReport.Understand understand = texts =>
            {
                var (tokens, length, intents, slots, zones) = understander.Encode(texts);
                var (ni, ns, nz) = (understander.Manifest.Config.IntentTags, understander.Manifest.Config.SlotTags, understander.Manifest.Config.Zones);
                return [.. texts.Select((text, b) => decoder.Decode(text ?? "", tokens[b],
                    intents.AsSpan(b * length * ni, tokens[b].Count * ni),
                    slots.AsSpan(b * length * ns, tokens[b].Count * ns),
                    zones.AsSpan(b * length * nz, tokens[b].Count * nz)).Calls)];
            };
            return UnderstandingReport.Measure(sets, understand, understander.Catalog, null, includeTest: false).Single(b => b.Name == "human dev");
        }

        var all = Board(DecoderRules.All);
        var lines = new List<string>
        {
            "| rule | dev zh exact without it | dev en exact without it | earns zh | earns en |",
            "|---|---|---|---|---|",
            $"| (all rules) | {P(all.ExactMatch("zh"))} | {P(all.ExactMatch("en"))} | | |",
        };
        foreach (var rule in s_rules)
        {
            var without = Board(DecoderRules.All & ~rule);
            lines.Add($"| {rule} | {P(without.ExactMatch("zh"))} | {P(without.ExactMatch("en"))} | {Points(all.ExactMatch("zh") - without.ExactMatch("zh"))} | {Points(all.ExactMatch("en") - without.ExactMatch("en"))} |");
        }

        return string.Join('\n', lines);
    }

    private static string P(double value) => $"{100 * value:F1} %";

    private static string Points(double value) => $"{100 * value:+0.0;-0.0;0.0} pt";
}
