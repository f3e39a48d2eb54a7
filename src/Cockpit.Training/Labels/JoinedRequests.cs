namespace Cockpit.Training.Labels;

/// <summary>
/// Two requests said in one breath ("把空调打开，顺便把座椅加热也开了"): pairs of phrasebook requests joined by a
/// connector (<c>data/augment/connectors.{lang}.txt</c>), each call kept where it is said, so requests in many authors'
/// words are also learnt side by side and not only in the generator's.
/// </summary>
internal static class JoinedRequests
{
    /// <summary>Up to <paramref name="count"/> joined pairs of the requests of each language.</summary>
    /// <param name="requests">Labelled requests with their segments (phrasebook lines).</param>
    /// <param name="connectors">Connectors by language.</param>
    /// <param name="count">Pairs per language.</param>
    /// <param name="seed">Picks the pairs and connectors.</param>
    public static List<LabeledUtterance> From(IReadOnlyList<LabeledUtterance> requests, IReadOnlyDictionary<string, IReadOnlyList<string>> connectors, int count, int seed)
    {
        var rng = new Random(seed);
        var joined = new List<LabeledUtterance>();
        foreach (var (lang, words) in connectors.Where(pair => pair.Value.Count > 0))
        {
            var pool = requests.Where(u => u.Lang == lang && u.Gold.Count > 0 && u.Segments.Count == u.Gold.Count).ToList();
            for (var i = 0; i < count && pool.Count > 1; i++)
            {
                var first = pool[rng.Next(pool.Count)];
                var second = pool[rng.Next(pool.Count)];
                joined.Add(Join(first, words[rng.Next(words.Count)], second));
            }
        }

        return joined;
    }

    private static LabeledUtterance Join(LabeledUtterance first, string connector, LabeledUtterance second)
    {
        var head = first.Text.TrimEnd('。', '.', '!', '！', '?', '？', ' ');
        var offset = head.Length + connector.Length;
        return new LabeledUtterance(
            head + connector + second.Text,
            first.Lang,
            first.Source,
            first.Group + "+" + second.Group,
            [[.. first.Gold, .. second.Gold]],
            [.. first.Segments.Select(s => s with { End = Math.Min(s.End, head.Length) }), .. second.Segments.Select(s => s with { Start = s.Start + offset, End = s.End + offset })],
            [.. first.Slots.Select(s => s with { End = Math.Min(s.End, head.Length) }), .. second.Slots.Select(s => s with { Start = s.Start + offset, End = s.End + offset })]);
    }
}
