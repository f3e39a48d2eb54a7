namespace Cockpit.Training.Labels;

/// <summary>
/// Requests taken back in the same breath ("把天窗打开，算了", "turn on the AC, never mind"): a share of single-call
/// requests with a cancellation tail (<c>data/augment/cancel-tails.{lang}.txt</c>) appended, labelled as asking for
/// nothing, so a request followed by its withdrawal is never carried out.
/// </summary>
internal static class CancelledRequests
{
    /// <summary>Every <paramref name="every"/>-th single-call request of <paramref name="requests"/>, taken back.</summary>
    /// <param name="requests">Labelled requests.</param>
    /// <param name="tails">Tails by language.</param>
    /// <param name="every">One in how many requests is taken back.</param>
    /// <param name="seed">Picks the tails.</param>
    public static List<LabeledUtterance> From(IEnumerable<LabeledUtterance> requests, IReadOnlyDictionary<string, IReadOnlyList<string>> tails, int every, int seed)
    {
        var rng = new Random(seed);
        return [.. requests
            .Where(u => u.Gold.Count == 1 && tails.TryGetValue(u.Lang, out var list) && list.Count > 0)
            .Where((_, index) => index % every == 0)
            .Select(u =>
            {
                var list = tails[u.Lang];
                var text = u.Text.TrimEnd('。', '.', '!', '！', '?', '？', ' ') + list[rng.Next(list.Count)];
                return new LabeledUtterance(text, u.Lang, u.Source, u.Group + ":cancelled", [[]], [], []);
            })];
    }
}
