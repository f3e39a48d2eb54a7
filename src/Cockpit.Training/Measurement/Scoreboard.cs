using System.Text.Json.Nodes;

namespace Cockpit.Training.Measurement;

/// <summary>
/// Counts for one evaluation set: per language, requests understood exactly (by effect) and requests for nothing left
/// alone; and the misses, for the sets whose errors may be read.
/// </summary>
internal sealed class Scoreboard(string name)
{
    private readonly Dictionary<string, Counts> _byLang = new(StringComparer.Ordinal);

    /// <summary>The set's name.</summary>
    public string Name { get; } = name;

    /// <summary>The misses, one block each.</summary>
    public List<string> Errors { get; } = [];

    /// <summary>Records one utterance.</summary>
    /// <param name="lang">Its language.</param>
    /// <param name="nothing">Whether it asks for nothing.</param>
    /// <param name="right">Whether it was understood right.</param>
    /// <param name="describe">Its text, gold and prediction, for the error list.</param>
    public void Add(string lang, bool nothing, bool right, Func<string> describe)
    {
        var counts = _byLang.TryGetValue(lang, out var existing) ? existing : _byLang[lang] = new Counts();
        if (nothing)
        {
            counts.Nothing++;
            counts.LeftAlone += right ? 1 : 0;
        }
        else
        {
            counts.Requests++;
            counts.Exact += right ? 1 : 0;
        }

        if (!right)
        {
            Errors.Add(describe());
        }
    }

    /// <summary>Exact match on the requests of a language (NaN when it has none).</summary>
    public double ExactMatch(string lang) => _byLang.TryGetValue(lang, out var c) && c.Requests > 0 ? (double)c.Exact / c.Requests : double.NaN;

    /// <summary>Share of the requests for nothing that were left alone, in a language (NaN when it has none).</summary>
    public double Rejection(string lang) => _byLang.TryGetValue(lang, out var c) && c.Nothing > 0 ? (double)c.LeftAlone / c.Nothing : double.NaN;

    /// <summary>The counts as JSON, per language.</summary>
    public JsonObject ToJson()
    {
        var o = new JsonObject();
        foreach (var (lang, c) in _byLang.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            o[lang] = new JsonObject
            {
                ["requests"] = c.Requests,
                ["exact"] = c.Exact,
                ["exactMatch"] = c.Requests == 0 ? null : Math.Round((double)c.Exact / c.Requests, 4),
                ["nothing"] = c.Nothing,
                ["leftAlone"] = c.LeftAlone,
                ["rejection"] = c.Nothing == 0 ? null : Math.Round((double)c.LeftAlone / c.Nothing, 4),
            };
        }

        return o;
    }

    /// <summary>One line per language.</summary>
    public override string ToString() =>
        $"{Name}: " + string.Join("; ", _byLang.OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => $"{pair.Key} exact {Percent(pair.Value.Exact, pair.Value.Requests)} ({pair.Value.Exact}/{pair.Value.Requests}), nothing left alone {Percent(pair.Value.LeftAlone, pair.Value.Nothing)} ({pair.Value.LeftAlone}/{pair.Value.Nothing})"));

    private static string Percent(int part, int whole) => whole == 0 ? "–" : $"{100.0 * part / whole:F2} %";

    private sealed class Counts
    {
        public int Requests { get; set; }

        public int Exact { get; set; }

        public int Nothing { get; set; }

        public int LeftAlone { get; set; }
    }
}
