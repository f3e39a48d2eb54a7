using Cockpit.Understanding.Phrases;

namespace Cockpit.Understanding.Text;

/// <summary>
/// Levels said as words ("seat heater on high", "风量开低档"): low is the first level, high the top one, medium the
/// middle, of however many levels the function has. The words are the phrase file's <c>level.heard.*</c>, heard in
/// either language.
/// </summary>
public static class LevelWords
{
    private static readonly string[] Positions = ["low", "medium", "high"];

    private static readonly Lazy<(string Word, string Position)[]> s_words = new(() =>
        [.. Positions.SelectMany(position => PhraseBook.Replies.ListInAll($"level.heard.{position}").Select(word => (word, position)))
            .OrderByDescending(entry => entry.word.Length)]);

    /// <summary>The level that <paramref name="said"/> names among <paramref name="levels"/> levels, or null when it names none.</summary>
    /// <param name="said">A span of the utterance, such as "high" or "低档".</param>
    /// <param name="levels">How many levels above off the function has.</param>
    public static int? Read(string said, int levels)
    {
        var text = said.Trim().ToLowerInvariant();
        var position = s_words.Value.FirstOrDefault(entry => text == entry.Word).Position;
        return position is null || levels < 1 ? null : Level(position, levels);
    }

    /// <summary>Where a word in <paramref name="text"/> names level <paramref name="level"/> of <paramref name="levels"/>: start and end of each.</summary>
    /// <param name="text">The utterance.</param>
    /// <param name="level">The level.</param>
    /// <param name="levels">How many levels above off the function has.</param>
    public static IEnumerable<(int Start, int End)> Find(string text, int level, int levels)
    {
        var lower = text.ToLowerInvariant();
        foreach (var (word, _) in s_words.Value.Where(entry => Level(entry.Position, levels) == level))
        {
            for (var at = lower.IndexOf(word, StringComparison.Ordinal); at >= 0; at = lower.IndexOf(word, at + 1, StringComparison.Ordinal))
            {
                if (IsWholeWord(lower, at, word.Length))
                {
                    yield return (at, at + word.Length);
                }
            }
        }
    }

    /// <summary>The level words of one language and the level each names among <paramref name="levels"/> levels.</summary>
    /// <param name="language">The phrase file's language.</param>
    /// <param name="levels">How many levels above off the function has.</param>
    public static IReadOnlyList<(string Word, int Level)> Named(string language, int levels) =>
        [.. Positions.SelectMany(position => PhraseBook.Replies.List(language, $"level.heard.{position}").Select(word => (word, Level(position, levels))))];

    private static int Level(string position, int levels) => position switch
    {
        "low" => 1,
        "medium" => (levels + 1) / 2,
        _ => levels,
    };

    // A Latin word must stand alone ("low" is not in "follow"); Chinese has no word boundary to check.
    private static bool IsWholeWord(string text, int start, int length) =>
        !char.IsAsciiLetter(text[start])
        || ((start == 0 || !char.IsAsciiLetter(text[start - 1])) && (start + length == text.Length || !char.IsAsciiLetter(text[start + length])));
}
