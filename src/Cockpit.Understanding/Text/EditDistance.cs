namespace Cockpit.Understanding.Text;

/// <summary>Levenshtein distance: the fewest insertions, deletions and substitutions that turn one sequence into another.</summary>
public static class EditDistance
{
    /// <summary>The distance between <paramref name="a"/> and <paramref name="b"/> (characters of a string, words of a transcript).</summary>
    /// <typeparam name="T">The unit compared.</typeparam>
    /// <param name="a">The first sequence (for an error rate, the reference).</param>
    /// <param name="b">The second sequence.</param>
    public static int Between<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b)
        where T : IEquatable<T>
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1].Equals(b[j - 1]) ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
