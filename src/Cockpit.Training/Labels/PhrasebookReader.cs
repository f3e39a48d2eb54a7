using System.Globalization;
using Cockpit.Understanding.Catalog;
using Cockpit.Understanding.Model;
using Cockpit.Understanding.Text;

namespace Cockpit.Training.Labels;

/// <summary>
/// Reads a phrasebook or an evaluation file (data/authoring/REQUESTS.md: <c>text⇥calls⇥register</c>). In a phrasebook a
/// line with several calls marks where each is said with <c>|</c>; its segments and argument spans are found from the
/// calls (a number where the text says it, free text where it is copied), and a line whose number is not found is left
/// out of training rather than taught without it.
/// </summary>
internal sealed class PhrasebookReader(LabelSet labels, ActionCatalog catalog)
{
    /// <summary>Reads an evaluation file: the calls only.</summary>
    /// <param name="path">The TSV file.</param>
    /// <param name="source">The source name to record.</param>
    public static List<LabeledUtterance> ReadForEvaluation(string path, string source) =>
        [.. Lines(path).Select(line => new LabeledUtterance(line.Text.Replace("|", "", StringComparison.Ordinal), Lang(path), source,
            $"{Path.GetFileNameWithoutExtension(path)}:{line.Register}", GoldCall.ParseAlternatives(line.Calls), [], []))];

    /// <summary>Reads a phrasebook for training: the lines it could label, and how many it left out and why.</summary>
    /// <param name="path">The TSV file.</param>
    public (List<LabeledUtterance> Utterances, List<string> LeftOut) ReadForTraining(string path)
    {
        var utterances = new List<LabeledUtterance>();
        var leftOut = new List<string>();
        var writer = Path.GetFileNameWithoutExtension(path);
        foreach (var line in Lines(path))
        {
            var calls = GoldCall.ParseAlternatives(line.Calls)[0];
            var parts = line.Text.Split('|');
            var text = string.Concat(parts);
            var segments = new List<CallSegment>();
            var slots = new List<SlotSpan>();
            string? problem = null;
            var offset = 0;
            var partRanges = parts.Select(part => { var range = (Start: offset, End: offset + part.Length); offset += part.Length; return range; }).ToList();
            for (var i = 0; i < calls.Count && problem is null; i++)
            {
                var call = calls[i];
                var (start, end) = calls.Count == partRanges.Count ? partRanges[i] : (0, text.Length);
                if (labels.IntentOf(call.Function, call.Operation, call.Symbol) is not { } intent)
                {
                    problem = $"no intent for {call}";
                    break;
                }

                segments.Add(new CallSegment(intent, start, end, call.Zones));
                problem = Arguments(text, call, start, end, slots);
            }

            if (calls.Count > 1 && calls.Count != partRanges.Count)
            {
                problem ??= $"{calls.Count} calls but {partRanges.Count} parts";
            }

            if (problem is null)
            {
                utterances.Add(new LabeledUtterance(text, Lang(path), "phrasebook", $"{writer}:{line.Register}", [calls], segments, slots));
            }
            else
            {
                leftOut.Add($"{writer}: {line.Text}\t{line.Calls}\t({problem})");
            }
        }

        return (utterances, leftOut);
    }

    private string? Arguments(string text, GoldCall call, int start, int end, List<SlotSpan> slots)
    {
        foreach (var (_, said) in call.Text)
        {
            var at = text.IndexOf(said, start, end - start, StringComparison.Ordinal) is var inside and >= 0 ? inside : text.IndexOf(said, StringComparison.Ordinal);
            if (at < 0)
            {
                return $"free text '{said}' not in the text";
            }

            slots.Add(new SlotSpan("TEXT", at, at + said.Length));
        }

        if (call.Delta is { } delta && !AddNumber(text, delta, "DELTA", start, end, slots))
        {
            return $"delta {delta} not found";
        }

        if (call.Value is { } value && call.Symbol is null)
        {
            var (kind, number) = value.StartsWith('L')
                ? ("LEVEL", double.Parse(value[1..], CultureInfo.InvariantCulture))
                : ("VALUE", double.Parse(value, CultureInfo.InvariantCulture));
            if (!AddNumber(text, number, kind, start, end, slots) && !AddLevelWord(text, call, (int)number, kind, slots))
            {
                return $"value {value} not found";
            }
        }

        return null;
    }

    private static bool AddNumber(string text, double number, string kind, int start, int end, List<SlotSpan> slots)
    {
        foreach (var (s, e) in NumberFinder.Find(text, number, start, end).Concat(NumberFinder.Find(text, number)))
        {
            if (!slots.Any(slot => slot.Start < e && s < slot.End))
            {
                slots.Add(new SlotSpan(kind, s, e));
                return true;
            }
        }

        return false;
    }

    // "On high": a level said as a word (LevelWords) is the level's span.
    private bool AddLevelWord(string text, GoldCall call, int level, string kind, List<SlotSpan> slots)
    {
        if (kind != "LEVEL" || catalog.FindFunction(call.Function ?? "") is not { } function)
        {
            return false;
        }

        foreach (var (s, e) in LevelWords.Find(text, level, function.Value.Levels.Count - 1))
        {
            if (!slots.Any(slot => slot.Start < e && s < slot.End))
            {
                slots.Add(new SlotSpan(kind, s, e));
                return true;
            }
        }

        return false;
    }

    private static string Lang(string path) => Path.GetFileNameWithoutExtension(path).EndsWith(".zh", StringComparison.Ordinal) ? "zh" : "en";

    private static IEnumerable<(string Text, string Calls, string Register)> Lines(string path) =>
        File.ReadLines(path)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Where(fields => fields.Length >= 2)
            .Select(fields => (fields[0].Trim(), fields[1].Trim(), fields.Length > 2 ? fields[2].Trim() : ""));
}
