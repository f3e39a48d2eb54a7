namespace Cockpit.Agent.Screen;

/// <summary>Toneless pinyin of Mandarin text, from the GB2312 reading table in <c>Pinyin.Table.cs</c>.</summary>
internal static partial class Pinyin
{
    private static readonly Lazy<Dictionary<char, string[]>> s_readings = new(Parse);

    /// <summary>Whether a character is a CJK ideograph.</summary>
    public static bool IsHanzi(char c) => c is >= '\u4E00' and <= '\u9FFF';

    /// <summary>The readings of a character, most common first; empty when the table does not know it.</summary>
    public static IReadOnlyList<string> Readings(char c) => s_readings.Value.TryGetValue(c, out var readings) ? readings : [];

    /// <summary>
    /// Splits text into syllables: each hanzi becomes its first reading, each run of Latin letters or digits one
    /// lower-case token; everything else is dropped.
    /// </summary>
    public static List<string> Syllables(string text)
    {
        var syllables = new List<string>();
        var word = new System.Text.StringBuilder();
        foreach (var raw in text)
        {
            var c = TextMatcher.Widen(raw);
            if (char.IsAsciiLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
                continue;
            }

            if (word.Length > 0)
            {
                syllables.Add(word.ToString());
                word.Clear();
            }

            if (IsHanzi(c))
            {
                syllables.Add(Readings(c) is [var first, ..] ? first : c.ToString());
            }
        }

        if (word.Length > 0)
        {
            syllables.Add(word.ToString());
        }

        return syllables;
    }

    /// <summary>
    /// Folds a syllable onto the sounds that speakers and recognisers most often confuse: zh/z, ch/c, sh/s,
    /// the nasal finals -ng/-n, and the initials n/l, r/l, f/h.
    /// </summary>
    public static string Fold(string syllable)
    {
        var s = syllable;
        if (s.Length > 1 && s[1] == 'h' && s[0] is 'z' or 'c' or 's')
        {
            s = s[0] + s[2..];
        }

        if (s.EndsWith("ng", StringComparison.Ordinal) && s.Length > 2)
        {
            s = s[..^1];
        }

        if (s.Length > 1 && s[0] is 'n' or 'r')
        {
            s = "l" + s[1..];
        }
        else if (s.Length > 1 && s[0] == 'f')
        {
            s = "h" + s[1..];
        }

        return s;
    }

    private static Dictionary<char, string[]> Parse()
    {
        var primary = new Dictionary<char, string>();
        var other = new Dictionary<char, List<string>>();
        foreach (var line in Table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split(' ');
            foreach (var c in parts[1])
            {
                primary[c] = parts[0];
            }

            if (parts.Length < 3)
            {
                continue;
            }

            foreach (var c in parts[2])
            {
                if (!other.TryGetValue(c, out var list))
                {
                    other[c] = list = [];
                }

                list.Add(parts[0]);
            }
        }

        return primary.ToDictionary(
            pair => pair.Key,
            pair => other.TryGetValue(pair.Key, out var more) ? [pair.Value, .. more] : new[] { pair.Value });
    }
}
