using System.Text.Json.Nodes;
using Cockpit.Understanding;

namespace Cockpit.Training.Training;

/// <summary>
/// Exact match on everyday requests written by hand apart from the generator (<c>models/probes/requests-{zh,en}.tsv</c>:
/// the utterance, a tab, the expected calls as <see cref="ActionCall.ToString"/> writes them, joined by " ; "). The
/// held-out split keeps phrasings out of training, but they come from the generator's lists; a request no list holds
/// ("温度往上调一点", "heat my seat") shows what those lists miss.
/// </summary>
internal static class RequestProbe
{
    private static readonly string[] Languages = ["zh", "en"];

    /// <summary>Exact match per language, or null when <paramref name="directory"/> has no request files. The requests
    /// read wrong are written to <paramref name="errorsPath"/> when one is given.</summary>
    public static JsonObject? Measure(UtteranceUnderstander understander, string directory, string? errorsPath = null)
    {
        var result = new JsonObject();
        var errors = new List<string>();
        foreach (var lang in Languages)
        {
            var path = Path.Combine(directory, $"requests-{lang}.tsv");
            if (!File.Exists(path))
            {
                continue;
            }

            var requests = File.ReadLines(path).Where(l => l.Trim().Length > 0).Select(Parse).ToList();
            var exact = 0;
            foreach (var (text, expected) in requests)
            {
                var understood = string.Join(" ; ", understander.Understand(text, lang).Calls);
                if (string.Equals(understood, expected, StringComparison.OrdinalIgnoreCase))
                {
                    exact++;
                }
                else
                {
                    errors.Add($"[{lang}] {text}\n   gold: {expected}\n   pred: {understood}");
                }
            }

            result[lang] = new JsonObject { ["total"] = requests.Count, ["exact"] = exact, ["exactMatch"] = Math.Round((double)exact / requests.Count, 4) };
        }

        if (result.Count == 0)
        {
            return null;
        }

        if (errorsPath is not null)
        {
            File.WriteAllLines(errorsPath, errors);
        }

        return result;
    }

    private static (string Text, string Expected) Parse(string line)
    {
        var tab = line.IndexOf('\t', StringComparison.Ordinal);
        return tab < 0
            ? throw new InvalidDataException($"A request probe line is the utterance, a tab and the expected calls: '{line}'.")
            : (line[..tab].Trim(), line[(tab + 1)..].Trim());
    }
}
