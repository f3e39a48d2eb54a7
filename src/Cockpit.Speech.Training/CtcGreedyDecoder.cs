namespace Cockpit.Speech.Training;

/// <summary>Best-path CTC decoding: the most likely label per frame, repeats merged, then blanks dropped.</summary>
internal static class CtcGreedyDecoder
{
    /// <summary>The labels of the best path <paramref name="best"/> (one label per frame) with <paramref name="blank"/> as the blank.</summary>
    public static int[] Decode(ReadOnlySpan<long> best, long blank)
    {
        var labels = new List<int>();
        var previous = -1L;
        foreach (var label in best)
        {
            if (label != previous && label != blank)
            {
                labels.Add((int)label);
            }

            previous = label;
        }

        return [.. labels];
    }

    /// <summary>The transcript the decoded units spell (Latin words carry their leading space).</summary>
    public static string Text(IEnumerable<int> units, SpeechVocabulary vocabulary) =>
        SpokenText.Transcript(string.Concat(units.Select(u => vocabulary.Units[u])));
}
