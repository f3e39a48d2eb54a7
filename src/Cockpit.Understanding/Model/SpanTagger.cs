using Cockpit.Understanding.Text;

namespace Cockpit.Understanding.Model;

/// <summary>Projects character spans (class, call index) onto tokens as BIO tags; what <see cref="CallDecoder"/> groups back into spans.</summary>
internal static class SpanTagger
{
    /// <summary>Fills <paramref name="tags"/> and <paramref name="calls"/> (one per token) from labelled character spans.</summary>
    public static void Tag(TagSet tagSet, IReadOnlyList<Token> tokens, IEnumerable<(int Start, int End, string Class, int Call)> spans, Span<int> tags, Span<int> calls)
    {
        tags.Clear();
        calls.Clear();
        foreach (var (start, end, cls, call) in spans)
        {
            var first = true;
            for (var i = 0; i < tokens.Count; i++)
            {
                var t = tokens[i];
                if (t.Start < start || t.Start >= end)
                {
                    continue;
                }

                tags[i] = first ? tagSet.Begin(cls) : tagSet.Inside(cls);
                calls[i] = Math.Min(call, TagSet.MaxCalls);
                first = false;
            }
        }
    }
}
