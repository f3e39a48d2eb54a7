namespace Cockpit.Training.Speech;

/// <summary>Edit distance between token sequences: characters for CER, words for WER.</summary>
internal static class ErrorRate
{
    public static int Distance<T>(IReadOnlyList<T> reference, IReadOnlyList<T> hypothesis)
        where T : IEquatable<T>
    {
        var previous = Enumerable.Range(0, hypothesis.Count + 1).ToArray();
        var current = new int[hypothesis.Count + 1];
        for (var i = 1; i <= reference.Count; i++)
        {
            current[0] = i;
            for (var j = 1; j <= hypothesis.Count; j++)
            {
                var substitution = previous[j - 1] + (reference[i - 1].Equals(hypothesis[j - 1]) ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[hypothesis.Count];
    }

    /// <summary>The scoring units of a transcript: characters without spaces for Mandarin, words for English.</summary>
    public static string[] Units(string transcript, string lang) => lang == "zh"
        ? [.. transcript.Where(c => c != ' ').Select(c => c.ToString())]
        : transcript.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
