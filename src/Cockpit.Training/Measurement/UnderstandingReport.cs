using System.Text.Json.Nodes;
using Cockpit.Training.Labels;
using Cockpit.Understanding;
using Cockpit.Understanding.Catalog;

namespace Cockpit.Training.Measurement;

/// <summary>
/// The one table of how well a model understands, per language: exact match (by effect) and requests-for-nothing left
/// alone on each evaluation set; MASSIVE dev at the intent level. Errors are written for every set but the human test
/// split, whose errors are never read while the model or the decoder changes.
/// </summary>
internal static class UnderstandingReport
{
    /// <summary>Understands utterances in batches.</summary>
    public delegate IReadOnlyList<IReadOnlyList<ActionCall>> Understand(IReadOnlyList<string> texts);

    /// <summary>Measures <paramref name="understand"/> on the sets.</summary>
    /// <param name="sets">The evaluation sets.</param>
    /// <param name="understand">The model under test.</param>
    /// <param name="catalog">The catalog the calls resolve against.</param>
    /// <param name="massive">The MASSIVE mapping, or null.</param>
    /// <param name="includeTest">Whether to run the human test split (to report only).</param>
    public static List<Scoreboard> Measure(EvaluationSets sets, Understand understand, ActionCatalog catalog, MassiveCorpus? massive, bool includeTest)
    {
        var effects = new CallEffects(catalog);
        var boards = new List<Scoreboard>
        {
            Score("generator held-out", sets.HeldOut, understand, effects),
            Score("human dev", sets.HumanDev, understand, effects),
        };
        if (includeTest && sets.HumanTest.Count > 0)
        {
            var test = Score("human test", sets.HumanTest, understand, effects);
            test.Errors.Clear(); // never read: the test split only reports
            boards.Add(test);
            var unseen = Score("human test, texts in no phrasebook", sets.HumanTestUnseen, understand, effects);
            unseen.Errors.Clear();
            boards.Add(unseen);
        }

        if (massive is not null && sets.MassiveDev.Count > 0)
        {
            var board = new Scoreboard("MASSIVE dev (intent)");
            var predictions = Batched(sets.MassiveDev.Select(r => r.Text).ToList(), understand);
            for (var i = 0; i < sets.MassiveDev.Count; i++)
            {
                var request = sets.MassiveDev[i];
                var predicted = predictions[i].Select(call => $"{call.Function}.{call.Operation ?? "run"}").ToList();
                board.Add(request.Lang, massive.IsOutOfDomain(request), massive.IsRight(request, predicted),
                    () => $"[{request.Lang} {request.Intent}] {request.Text}\n   pred: {string.Join(" ; ", predictions[i])}");
            }

            boards.Add(board);
        }

        return boards;
    }

    /// <summary>The boards as one JSON object, by set name.</summary>
    /// <param name="boards">The boards.</param>
    public static JsonObject ToJson(IEnumerable<Scoreboard> boards)
    {
        var o = new JsonObject();
        foreach (var board in boards)
        {
            o[board.Name] = board.ToJson();
        }

        return o;
    }

    /// <summary>The table: one row per set, exact match and rejection per language.</summary>
    /// <param name="boards">The boards.</param>
    public static string Table(IEnumerable<Scoreboard> boards)
    {
        static string P(double value) => double.IsNaN(value) ? "–" : $"{100 * value:F1} %";
        var lines = new List<string>
        {
            "| set | zh exact | zh nothing left alone | en exact | en nothing left alone |",
            "|---|---|---|---|---|",
        };
        lines.AddRange(boards.Select(b => $"| {b.Name} | {P(b.ExactMatch("zh"))} | {P(b.Rejection("zh"))} | {P(b.ExactMatch("en"))} | {P(b.Rejection("en"))} |"));
        return string.Join('\n', lines);
    }

    private static Scoreboard Score(string name, IReadOnlyList<LabeledUtterance> set, Understand understand, CallEffects effects)
    {
        var board = new Scoreboard(name);
        var predictions = Batched([.. set.Select(u => u.Text)], understand);
        for (var i = 0; i < set.Count; i++)
        {
            var utterance = set[i];
            var predicted = predictions[i];
            var alternatives = utterance.Alternatives.Select(calls => (IReadOnlyList<ActionCall>)[.. calls.Select(call => call.ToActionCall())]).ToList();
            var right = utterance.IsNothing ? predicted.Count == 0 : effects.Match(alternatives, predicted);
            board.Add(utterance.Lang, utterance.IsNothing, right,
                () => $"[{utterance.Lang} {utterance.Group}] {utterance.Text}\n   gold: {string.Join(" || ", utterance.Alternatives.Select(a => a.Count == 0 ? "-" : string.Join(" ; ", a)))}\n   pred: {(predicted.Count == 0 ? "-" : string.Join(" ; ", predicted))}");
        }

        return board;
    }

    private static List<IReadOnlyList<ActionCall>> Batched(List<string> texts, Understand understand)
    {
        var all = new List<IReadOnlyList<ActionCall>>(texts.Count);
        for (var i = 0; i < texts.Count; i += 64)
        {
            all.AddRange(understand(texts.GetRange(i, Math.Min(64, texts.Count - i))));
        }

        return all;
    }
}
