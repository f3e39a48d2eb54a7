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
            {
                plain.Append(char.ToLowerInvariant(c));
            }
        }

        return plain.ToString();
    }

    /// <summary>How well <paramref name="query"/> names <paramref name="candidate"/>: 1 the same, 0 unrelated.</summary>
    public static double Score(MatchText query, MatchText candidate)
    {
        if (query.Plain.Length == 0 || candidate.Plain.Length == 0)
        {
            return 0;
        }

        if (query.Plain == candidate.Plain)
        {
            return 1;
        }

        if (query.Sound == candidate.Sound)
        {
            return 0.96;
        }

        if (query.Folded == candidate.Folded)
        {
            return 0.92;
        }

        var best = 0.0;
        // Part of a name ("充电站" of "特来电充电站（徐汇）") or a name inside a longer phrase ("周杰伦的七里香").
        // In Latin script a part must be whole words: "day" does not name "Yesterday".
        if (!IsLatin(query.Plain) || WordRun(query.Words, candidate.Words) || WordRun(candidate.Words, query.Words))
        {
            best = Math.Max(best, Containment(query.Plain, candidate.Plain, 2, 0.8));
        }
        // By sound alone a part must be at least half of the whole: "两只" (liang zhi) does not name 光年之外 (guang nian zhi wai).
        if (2 * Math.Min(query.Folded.Length, candidate.Folded.Length) > Math.Max(query.Folded.Length, candidate.Folded.Length))
        {
            best = Math.Max(best, Containment(query.Folded, candidate.Folded, 5, 0.76));
        }

        best = Math.Max(best, Words(query.Words, candidate.Words));
        // Vowels are what recognisers get wrong most often across the languages ("Zhang Way" for Zhang Wei).
        if (query.Skeleton.Length >= 3 && query.Skeleton == candidate.Skeleton)
        {
            best = Math.Max(best, 0.78);
        }

        best = Math.Max(best, 0.9 * Similarity(query.Plain, candidate.Plain, Math.Max(best, Threshold) / 0.9));
        best = Math.Max(best, 0.9 * Similarity(query.Folded, candidate.Folded, Math.Max(best, Threshold) / 0.9));
        return best;
    }

    /// <summary>Every word said is in the name, in order ("pudong airport", "浦东机场" for 浦东国际机场).</summary>
    private static double Words(IReadOnlyList<string> query, IReadOnlyList<string> candidate)
    {
        // More than half of the name must be said: "两只" (2 of 4 syllables) does not name 光年之外.
        if (query.Count < 2 || candidate.Count < query.Count || 2 * query.Count <= candidate.Count)
        {
            return 0;
        }

        var at = 0;
        foreach (var word in query)
        {
            while (at < candidate.Count && !Close(word, candidate[at]))
            {
                at++;
            }

            if (at++ == candidate.Count)
            {
                return 0;
            }
        }

        return 0.78 + (0.12 * query.Count / candidate.Count);
    }

    private static bool IsLatin(string plain)
    {
        foreach (var c in plain)
        {
            if (!char.IsAscii(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="part"/> occurs in <paramref name="whole"/> as consecutive words.</summary>
    private static bool WordRun(IReadOnlyList<string> part, IReadOnlyList<string> whole)
    {
        for (var start = 0; part.Count > 0 && start + part.Count <= whole.Count; start++)
        {
            var all = true;
            for (var i = 0; i < part.Count && all; i++)
            {
                all = part[i] == whole[start + i];
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Close(string a, string b) =>
        a == b || (Math.Min(a.Length, b.Length) >= 4 && Math.Abs(a.Length - b.Length) <= 1
            && Common(a, b) >= Math.Max(a.Length, b.Length) - 1 && EditDistance.Between(a.AsSpan(), b.AsSpan()) <= 1);

    /// <summary>The consonants of a folded text, in order.</summary>
    public static string Skeleton(string text) => string.Concat(text.Where(c => c is not ('a' or 'e' or 'i' or 'o' or 'u' or 'v' or 'y')));

    private static double Containment(string query, string candidate, int minimum, double floor)
    {
        if (query.Length >= minimum && candidate.Contains(query, StringComparison.Ordinal))
        {
            return floor + (0.15 * query.Length / candidate.Length);
        }

        if (candidate.Length >= minimum && query.Contains(candidate, StringComparison.Ordinal))
        {
            return floor - 0.05 + (0.15 * candidate.Length / query.Length);
        }

        return 0;
    }

    /// <summary>1 − edit distance / length, or 0 when it cannot reach <paramref name="needed"/> (decided without the edit distance).</summary>
    private static double Similarity(string a, string b, double needed)
    {
        var longest = Math.Max(a.Length, b.Length);
        // Grounding compares what was said with every row of lists of thousands: most rows are ruled out by counting.
        if (longest == 0 || (double)Math.Min(a.Length, b.Length) / longest < needed || (double)Common(a, b) / longest < needed)
        {
            return 0;
        }

        return 1.0 - ((double)EditDistance.Between(a.AsSpan(), b.AsSpan()) / longest);
    }

    /// <summary>How many characters two texts share, counted with repeats: the edit distance is at least the longer length minus this.</summary>
    private static int Common(string a, string b)
    {
        Span<byte> counts = stackalloc byte[128];
        var otherA = 0;
        foreach (var c in a)
        {
            if (c < 128)
            {
                counts[c] = (byte)Math.Min(counts[c] + 1, byte.MaxValue);
            }
            else
            {
                otherA++;
            }
        }

        var common = 0;
        var otherB = 0;
        foreach (var c in b)
        {
            if (c >= 128)
            {
                otherB++;
            }
            else if (counts[c] > 0)
            {
                counts[c]--;
                common++;
            }
        }

        // Other characters (hanzi) are not told apart here, so the count stays an upper bound.
        return common + Math.Min(otherA, otherB);
    }
}
