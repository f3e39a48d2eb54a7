using System.Text;
using Cockpit.Understanding.Text;

namespace Cockpit.Agent.Screen;

/// <summary>
/// Scores how well what was said names a text on the screen, in either language, robust to the slips a
/// recogniser makes: homophones and near-homophones in Mandarin (compared as pinyin), misspellings in English.
/// </summary>
internal static class TextMatcher
{
    /// <summary>Scores below this are not taken as a match.</summary>
    public const double Threshold = 0.72;

    /// <summary>Full-width ASCII forms (Ａ, １, ！) to their ASCII letters.</summary>
    public static char Widen(char c) => c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c;

    /// <summary>Lower case letters, digits and hanzi only.</summary>
    public static string Plain(string text)
    {
        var plain = new StringBuilder(text.Length);
        foreach (var raw in text)
        {
            var c = Widen(raw);
            if (char.IsLetterOrDigit(c))
                plain.Append(char.ToLowerInvariant(c));
        }

        return plain.ToString();
    }

    /// <summary>How well <paramref name="query"/> names <paramref name="candidate"/>: 1 the same, 0 unrelated.</summary>
    public static double Score(MatchText query, MatchText candidate)
    {
        if (query.Plain.Length == 0 || candidate.Plain.Length == 0)
            return 0;
        if (query.Plain == candidate.Plain)
            return 1;
        if (query.Sound == candidate.Sound)
            return 0.96;
        if (query.Folded == candidate.Folded)
            return 0.92;

        var best = 0.0;
        // Part of a name ("充电站" of "特来电充电站（徐汇）") or a name inside a longer phrase ("周杰伦的七里香").
        // In Latin script a part must be whole words: "day" does not name "Yesterday".
        if (!IsLatin(query.Plain) || WordRun(query.Words, candidate.Words) || WordRun(candidate.Words, query.Words))
            best = Math.Max(best, Containment(query.Plain, candidate.Plain, 2, 0.8));
        // By sound alone a part must be at least half of the whole: "两只" (liang zhi) does not name 光年之外 (guang nian zhi wai).
        if (2 * Math.Min(query.Folded.Length, candidate.Folded.Length) > Math.Max(query.Folded.Length, candidate.Folded.Length))
            best = Math.Max(best, Containment(query.Folded, candidate.Folded, 5, 0.76));
        best = Math.Max(best, 0.9 * Similarity(query.Plain, candidate.Plain));
        best = Math.Max(best, 0.9 * Similarity(query.Folded, candidate.Folded));
        best = Math.Max(best, Words(query.Words, candidate.Words));
        // Vowels are what recognisers get wrong most often across the languages ("Zhang Way" for Zhang Wei).
        var skeleton = Skeleton(query.Folded);
        if (skeleton.Length >= 3 && skeleton == Skeleton(candidate.Folded))
            best = Math.Max(best, 0.78);
        return best;
    }

    /// <summary>Every word said is in the name, in order ("pudong airport", "浦东机场" for 浦东国际机场).</summary>
    private static double Words(IReadOnlyList<string> query, IReadOnlyList<string> candidate)
    {
        // More than half of the name must be said: "两只" (2 of 4 syllables) does not name 光年之外.
        if (query.Count < 2 || candidate.Count < query.Count || 2 * query.Count <= candidate.Count)
            return 0;
        var at = 0;
        foreach (var word in query)
        {
            while (at < candidate.Count && !Close(word, candidate[at]))
                at++;
            if (at++ == candidate.Count)
                return 0;
        }

        return 0.78 + (0.12 * query.Count / candidate.Count);
    }

    private static bool IsLatin(string plain) => plain.All(char.IsAscii);

    /// <summary>Whether <paramref name="part"/> occurs in <paramref name="whole"/> as consecutive words.</summary>
    private static bool WordRun(IReadOnlyList<string> part, IReadOnlyList<string> whole)
    {
        for (var start = 0; part.Count > 0 && start + part.Count <= whole.Count; start++)
        {
            var all = true;
            for (var i = 0; i < part.Count && all; i++)
                all = part[i] == whole[start + i];
            if (all)
                return true;
        }

        return false;
    }

    private static bool Close(string a, string b) =>
        a == b || (Math.Min(a.Length, b.Length) >= 4 && EditDistance.Between(a.AsSpan(), b.AsSpan()) <= 1);

    private static string Skeleton(string text) => string.Concat(text.Where(c => c is not ('a' or 'e' or 'i' or 'o' or 'u' or 'v' or 'y')));

    private static double Containment(string query, string candidate, int minimum, double floor)
    {
        if (query.Length >= minimum && candidate.Contains(query, StringComparison.Ordinal))
            return floor + (0.15 * query.Length / candidate.Length);
        if (candidate.Length >= minimum && query.Contains(candidate, StringComparison.Ordinal))
            return floor - 0.05 + (0.15 * candidate.Length / query.Length);
        return 0;
    }

    private static double Similarity(string a, string b)
    {
        var longest = Math.Max(a.Length, b.Length);
        return longest == 0 ? 0 : 1.0 - ((double)EditDistance.Between(a.AsSpan(), b.AsSpan()) / longest);
    }
}
