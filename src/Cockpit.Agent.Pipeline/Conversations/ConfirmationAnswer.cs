using Cockpit.Understanding.Phrases;

namespace Cockpit.Agent.Conversations;

/// <summary>
/// Reads the answer to "do you want me to …?": a yes ("好的", "对，就这样", "yes please") or a no ("不用了", "no"),
/// in either language. Anything else is not an answer but a new request.
/// </summary>
internal static class ConfirmationAnswer
{
    // The words are data (Phrases/replies.json: yes, no, fillers), heard in either language.
    private static readonly HashSet<string> s_yes = new(PhraseBook.Replies.ListInAll("yes"), StringComparer.Ordinal);
    private static readonly HashSet<string> s_no = new(PhraseBook.Replies.ListInAll("no"), StringComparer.Ordinal);

    // Said before an answer without being one ("嗯，不用了"); "嗯" alone is a yes.
    private static readonly HashSet<string> s_fillers = new(PhraseBook.Replies.ListInAll("fillers"), StringComparer.Ordinal);

    private static readonly char[] s_separators = [',', '，', '、', '.', '。', '!', '！', '?', '？', ';', '；'];

    /// <summary>True for a yes, false for a no, null when the utterance is not an answer. Each part between
    /// punctuation must be an answer of the same kind ("嗯，好的", "ok, do it").</summary>
    public static bool? Read(string text)
    {
        var parts = text.ToLowerInvariant().Replace('’', '\'').Split(s_separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => string.Join(' ', part.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            .ToList();
        if (parts.Any(part => !s_fillers.Contains(part)))
        {
            parts.RemoveAll(s_fillers.Contains);
        }

        return parts.Count == 0 ? null
            : parts.All(s_yes.Contains) ? true
            : parts.All(s_no.Contains) ? false
            : null;
    }
}
