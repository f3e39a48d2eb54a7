namespace Cockpit.Agent.Conversations;

/// <summary>
/// Reads the answer to "do you want me to …?": a yes ("好的", "对，就这样", "yes please") or a no ("不用了", "no"),
/// in either language. Anything else is not an answer but a new request.
/// </summary>
internal static class ConfirmationAnswer
{
    private static readonly HashSet<string> s_yes = new(StringComparer.Ordinal)
    {
        "是", "是的", "是啊", "对", "对的", "对啊", "对呀", "嗯", "嗯嗯", "好", "好的", "好啊", "好吧", "行", "可以", "没错",
        "确定", "确认", "要", "要的", "就这样", "调吧", "开吧", "执行",
        "yes", "yeah", "yep", "yes please", "sure", "ok", "okay", "correct", "right", "that's right", "exactly",
        "do it", "go ahead", "please do", "please",
    };

    private static readonly HashSet<string> s_no = new(StringComparer.Ordinal)
    {
        "不", "不是", "不对", "不要", "不用", "不用了", "算了", "取消", "错了", "不是的", "别", "别调",
        "no", "nope", "no thanks", "no thank you", "don't", "cancel", "never mind", "wrong", "not that", "that's wrong",
    };

    // Said before an answer without being one ("嗯，不用了"); "嗯" alone is a yes.
    private static readonly HashSet<string> s_fillers = new(StringComparer.Ordinal) { "嗯", "呃", "啊", "um", "uh", "hmm", "well" };

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
