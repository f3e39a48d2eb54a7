using System.Text.Json.Nodes;
using Cockpit.Understanding;

namespace Cockpit.Training.Training;

/// <summary>
/// Out-of-domain rejection on utterances written apart from the generator (<c>models/probes/out-of-domain-{zh,en}.txt</c>):
/// the held-out split keeps whole sentences of the generator's lists out of training, but they were written with the
/// training ones, so they share its phrasing; the probe measures how rejection holds on someone else's small talk.
/// </summary>
internal static class OutOfDomainProbe
{
    /// <summary>Where the probe files live, relative to the repository root.</summary>
    public const string DefaultDirectory = "models/probes";

    private static readonly string[] Languages = ["zh", "en"];

    /// <summary>Rejection per language, or null when <paramref name="directory"/> has no probe sentences. The utterances
    /// that produced calls are written to <paramref name="errorsPath"/> when one is given.</summary>
    public static JsonObject? Measure(UtteranceUnderstander understander, string directory, string? errorsPath = null)
    {
        var result = new JsonObject();
        var errors = new List<string>();
        foreach (var lang in Languages)
        {
            var path = Path.Combine(directory, $"out-of-domain-{lang}.txt");
            if (!File.Exists(path))
            {
                continue;
            }

            var texts = File.ReadLines(path).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
            if (texts.Count == 0)
            {
                continue;
            }

            var acted = texts.Select(t => understander.Understand(t, lang)).Where(r => r.IsActionable).ToList();
            errors.AddRange(acted.Select(r => $"[{lang}] {r.Text}\n   pred: {string.Join(" ; ", r.Calls)}"));
            var rejected = texts.Count - acted.Count;
            result[lang] = new JsonObject { ["total"] = texts.Count, ["rejected"] = rejected, ["rejection"] = Math.Round((double)rejected / texts.Count, 4) };
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
}
