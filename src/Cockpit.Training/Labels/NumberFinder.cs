using Cockpit.Understanding.Text;

namespace Cockpit.Training.Labels;

/// <summary>
/// Finds where a number a writer gave (<c>value=22</c>, <c>delta=2</c>, <c>L2</c>) is said in the writer's text, so the
/// slot head learns the span: every maximal run that reads as that number, digits or words, in either language.
/// </summary>
internal static class NumberFinder
{
    private const int LongestNumeral = 24;

    /// <summary>The spans of <paramref name="text"/> in [<paramref name="from"/>, <paramref name="to"/>) that say <paramref name="value"/>, longest first.</summary>
    public static IEnumerable<(int Start, int End)> Find(string text, double value, int from = 0, int to = -1)
    {
        to = to < 0 ? text.Length : to;
        var found = new List<(int Start, int End)>();
        for (var start = from; start < to; start++)
        {
            if (!CanStart(text, start))
            {
                continue;
            }

            for (var end = Math.Min(to, start + LongestNumeral); end > start; end--)
            {
                if (!CanEnd(text, end))
                {
                    continue;
                }

                if (Numerals.TryParse(text[start..end], out var parsed) && Math.Abs(parsed - value) < 1e-6)
                {
                    found.Add((start, end));
                    break;
                }
            }
        }

        // A span inside another found span says the same number with fewer words ("二十二" holds "二十").
        return found.Where(span => !found.Any(other => other != span && other.Start <= span.Start && other.End >= span.End))
            .OrderByDescending(span => span.End - span.Start);
    }

    private static bool CanStart(string text, int i) =>
        !char.IsAsciiLetter(text[i]) || i == 0 || !char.IsAsciiLetter(text[i - 1]);

    private static bool CanEnd(string text, int i) =>
        i == text.Length || !char.IsAsciiLetter(text[i]) || !char.IsAsciiLetter(text[i - 1]);
}
