using System.Numerics.Tensors;
using Cockpit.Understanding.Text;

namespace Cockpit.Understanding.Model;

/// <summary>
/// Reads the tag head's probabilities into one label per token: each token's likeliest span class, weak tags read as
/// outside, and the repairs that look at more than one token's probabilities (a value's continuation that nothing
/// started, a zone read in two, a function half read, the edges of a free-text span). Pure and thread-safe.
/// </summary>
internal sealed class TagReader(TagSet tags)
{
    /// <summary>Below this the token before a value's continuation did not start it (<see cref="DropOrphanValues"/>).</summary>
    private const float UnsaidStart = 0.05f;

    /// <summary>From this probability words count as half read as a function (<see cref="NameUnnamedFunctions"/>).</summary>
    private const float UnnamedFunction = 0.1f;

    private readonly int[] functionBegins = [.. Enumerable.Range(1, tags.Count - 1).Where(l => tags.Labels[l].StartsWith("B-FN:", StringComparison.Ordinal))];

    /// <summary>Reads one utterance's tag logits, <see cref="TagSet.Count"/> per token.</summary>
    /// <param name="minConfidence">Tags whose class is less likely than this are read as outside.</param>
    /// <returns>Each token's label and how sure it is, and the tags read as outside (for logging).</returns>
    public (int[] TagIds, float[] Confidence, List<string> Weak) Read(string text, IReadOnlyList<Token> tokens, ReadOnlySpan<float> tagLogits, float minConfidence)
    {
        var n = tokens.Count;
        var tagIds = new int[n];
        var confidence = new float[n];
        var weak = new List<string>();
        var labels = tags.Count;
        var tagProbabilities = new float[n * labels];
        for (var i = 0; i < n; i++)
        {
            TensorPrimitives.SoftMax(tagLogits.Slice(i * labels, labels), tagProbabilities.AsSpan(i * labels, labels));
            (tagIds[i], confidence[i]) = MostLikelyClass(tagProbabilities.AsSpan(i * labels, labels), i > 0 ? tagIds[i - 1] : 0);
            if (tagIds[i] != 0 && confidence[i] < minConfidence)
            {
                // A weak tag is read as outside rather than sinking its whole call: a word never seen in that place
                // ("把顶灯都关": "都") must not cost the request around it.
                weak.Add($"low confidence {confidence[i]:F2}: {tags.Labels[tagIds[i]]}=\"{text[tokens[i].Start..tokens[i].End]}\"");
                tagIds[i] = 0;
            }
        }

        DropStatedOperations(text, tokens, tagIds, weak);
        DropOrphanValues(text, tokens, tagProbabilities, tagIds, weak);
        JoinOrphanZones(tagProbabilities, tagIds);
        NameUnnamedFunctions(text, tokens, tagProbabilities, tagIds, confidence);
        WidenFreeText(text, tokens, tagProbabilities, tagIds, confidence, minConfidence);
        return (tagIds, confidence, weak);
    }

    /// <summary>
    /// A free-text span takes in the outside tokens beside it that are as likely as a kept tag to belong to it: the
    /// edges of a name the model never read are where it is least sure ("给奶奶打个电话": the first "奶" in the contact
    /// at 0.44, outside at 0.55). A token taken in is as sure as it is in the slot. A character the vocabulary lacks
    /// (spelled in byte tokens) beside the span is taken in whatever it was tagged, and keeps its own confidence: every
    /// word of the catalog, every filler and particle is in the vocabulary, so an unread character is part of a name
    /// ("带我去静安寺": "寺"). A Chinese character read as outside right before a span that the model reads as begun
    /// already (its first token a continuation), and that is in the slot at <see cref="UnsaidStart"/> or more, is the
    /// span's start, and keeps its own confidence too ("播放周杰伦的歌": "周" in the query at 0.12, "杰" continuing it at
    /// 0.82). A filler before a name is in its slot at 0.00, however the name's first token reads ("我要去呃人民医院").
    /// </summary>
    private void WidenFreeText(string text, IReadOnlyList<Token> tokens, float[] tagProbabilities, int[] tagIds, float[] confidence, float minConfidence)
    {
        var labels = tags.Count;
        bool Unread(int token) =>
            (token > 0 && tokens[token - 1].Start == tokens[token].Start)
            || (token + 1 < tokens.Count && tokens[token + 1].Start == tokens[token].Start);
        for (var i = 0; i < tagIds.Length; i++)
        {
            var (_, cls) = tags.Parse(tagIds[i]);
            if (cls is null || !cls.StartsWith("TXT:", StringComparison.Ordinal))
            {
                continue;
            }

            var begin = tags.Begin(cls);
            bool Joins(int token) => Unread(token) || (tagIds[token] == 0 && ClassProbability(tagProbabilities.AsSpan(token * labels, labels), begin) >= minConfidence);
            var first = i;
            while (first > 0 && Joins(first - 1))
            {
                first--;
            }

            // The span reads as begun already: the Chinese character before it, where in its slot at all, is its start.
            var unsaidStart = -1;
            if (first == i && i > 0 && tagIds[i - 1] == 0 && ReadAsMiddle(tagProbabilities, i, begin)
                && text[tokens[i - 1].Start] is >= '\u3400' and <= '\u9FFF'
                && ClassProbability(tagProbabilities.AsSpan((i - 1) * labels, labels), begin) >= UnsaidStart)
            {
                unsaidStart = --first;
            }

            var end = i + 1;
            while (end < tagIds.Length && (tagIds[end] == begin + 1 || Joins(end)))
            {
                end++;
            }

            for (var j = first; j < end; j++)
            {
                if (tagIds[j] == 0 && !Unread(j) && j != unsaidStart)
                {
                    confidence[j] = ClassProbability(tagProbabilities.AsSpan(j * labels, labels), begin);
                }

                tagIds[j] = j == first ? begin : begin + 1;
            }

            i = end - 1;
        }
    }

    /// <summary>
    /// An enum value whose first character the model reads as the middle of that value's name, with no start before it,
    /// is read as outside: it is a piece of another word ("音乐应用页，页面": "页" of "首页" after "音乐应用", at 0.65
    /// continuing home and nothing for starting it), and as a value of its own it would add a second, wrong request.
    /// An English word is kept: the start it continues is mostly an article read as outside ("go back to the the map").
    /// </summary>
    private void DropOrphanValues(string text, IReadOnlyList<Token> tokens, float[] tagProbabilities, int[] tagIds, List<string> weak)
    {
        var labels = tags.Count;

        // The start may be the token before, read as outside ("the windshield": "the" at 0.09), or any of the tagged
        // tokens before that, read as another class ("蓝牙音乐": "蓝" the Bluetooth switch, at 0.10 the source's start).
        bool MayHaveStarted(int token, int begin)
        {
            for (var j = token - 1; j >= 0 && (j == token - 1 || tagIds[j] != 0); j--)
            {
                if (tagProbabilities[(j * labels) + begin] >= UnsaidStart)
                {
                    return true;
                }
            }

            return false;
        }

        for (var i = 0; i < tagIds.Length; i++)
        {
            var (isBegin, cls) = tags.Parse(tagIds[i]);
            if (!isBegin || cls is null || !cls.StartsWith("ENUM:", StringComparison.Ordinal) || char.IsAsciiLetterOrDigit(text[tokens[i].Start])
                || !ReadAsMiddle(tagProbabilities, i, tagIds[i]) || MayHaveStarted(i, tagIds[i]))
            {
                continue;
            }

            var first = i;
            i = Relabel(tagIds, i, 0);
            weak.Add($"continues no value: {cls}=\"{text[tokens[first].Start..tokens[i].End]}\"");
        }
    }

    /// <summary>
    /// A verb right before "着" says how things are, not what to do ("前面的车开着远光灯真讨厌": the car ahead has its high
    /// beams on; "窗户关着呢"): it is read as outside. No request of the training data says a verb that way.
    /// </summary>
    private void DropStatedOperations(string text, IReadOnlyList<Token> tokens, int[] tagIds, List<string> weak)
    {
        for (var i = 0; i < tagIds.Length; i++)
        {
            var (isBegin, cls) = tags.Parse(tagIds[i]);
            if (!isBegin || cls is null || !cls.StartsWith("OP:", StringComparison.Ordinal))
            {
                continue;
            }

            var last = SpanEnd(tagIds, i);
            var end = tokens[last].End;
            if (SaysAState(text, end))
            {
                weak.Add($"a state, not a request: {cls}=\"{text[tokens[i].Start..end]}\"");
                Relabel(tagIds, i, 0);
            }

            i = last;
        }
    }

    /// <summary>Whether a verb ending at <paramref name="end"/> is followed by "着", which makes it a state.</summary>
    internal static bool SaysAState(string text, int end) => end < text.Length && text[end] == '着';

    /// <summary>
    /// A zone whose first token the model reads as the middle of that zone's name, right after a token of another zone
    /// that it did not start, continues that zone: one word read in two ("后排门": "后" rear, "排" continuing rear right at
    /// 0.95, its start at 0.01), not two seats.
    /// </summary>
    private void JoinOrphanZones(float[] tagProbabilities, int[] tagIds)
    {
        var labels = tags.Count;
        for (var i = 1; i < tagIds.Length; i++)
        {
            var (isBegin, cls) = tags.Parse(tagIds[i]);
            var (_, before) = tags.Parse(tagIds[i - 1]);
            if (!isBegin || cls is null || before is null || before == cls
                || !cls.StartsWith("ZONE:", StringComparison.Ordinal) || !before.StartsWith("ZONE:", StringComparison.Ordinal)
                || !ReadAsMiddle(tagProbabilities, i, tagIds[i]) || tagProbabilities[((i - 1) * labels) + tagIds[i]] >= UnsaidStart)
            {
                continue;
            }

            i = Relabel(tagIds, i, tags.Inside(before));
        }
    }

    /// <summary>
    /// A clause that asks for a change ("up a notch", "定在156") but names no function reads as a follow-up to the last
    /// request; where the words before or after the change were half read as one function ("display brightness" at
    /// 0.15, "亮度" at 0.49) that function is named, with that low confidence, rather than one from the conversation.
    /// </summary>
    private void NameUnnamedFunctions(string text, IReadOnlyList<Token> tokens, float[] tagProbabilities, int[] tagIds, float[] confidence)
    {
        var labels = tags.Count;
        var clauses = new List<(int Start, int End, bool Asks, bool Names)>();
        for (var start = 0; start <= tagIds.Length; start = clauses[^1].End + 1)
        {
            var (end, asks, names) = (start, false, false);
            for (; end < tagIds.Length && !IsClauseBreak(text, tokens[end]); end++)
            {
                var c = tags.Parse(tagIds[end]).Class;
                asks |= c is not null && (c.StartsWith("OP:", StringComparison.Ordinal) || c is "NUM" or "LEVEL" or "DELTA");
                names |= c is not null && (c.StartsWith("FN:", StringComparison.Ordinal) || c.StartsWith("ENUM:", StringComparison.Ordinal) || c.StartsWith("TXT:", StringComparison.Ordinal));
            }

            clauses.Add((start, end, asks, names));
        }

        for (var k = 0; k < clauses.Count; k++)
        {
            // A clause that names a function and asks nothing next is this clause's function, split off by a comma
            // ("shut off like, the rear window defrost").
            var (start, end, asks, names) = clauses[k];
            if (!asks || names || (k + 1 < clauses.Count && clauses[k + 1] is { Names: true, Asks: false }))
            {
                continue;
            }

            var (begin, first, last) = HalfReadFunction(tagProbabilities, tagIds, start, end);
            for (var i = first; i < last; i++)
            {
                tagIds[i] = i == first ? begin : begin + 1;
                confidence[i] = ClassProbability(tagProbabilities.AsSpan(i * labels, labels), begin);
            }
        }
    }

    /// <summary>
    /// The run of outside tokens between <paramref name="start"/> and <paramref name="end"/> most read as one function:
    /// each token at least <see cref="UnnamedFunction"/> in it, the first read as its start rather than its middle.
    /// </summary>
    /// <returns>The function's B tag and the run's tokens; an empty run where there is none.</returns>
    private (int Begin, int First, int End) HalfReadFunction(float[] tagProbabilities, int[] tagIds, int start, int end)
    {
        var labels = tags.Count;
        var (found, best) = ((0, 0, 0), 0f);
        foreach (var begin in functionBegins)
        {
            for (var first = start; first < end; first++)
            {
                if (ReadAsMiddle(tagProbabilities, first, begin))
                {
                    continue;
                }

                var (last, mass) = (first, 0f);
                while (last < end && tagIds[last] == 0 && ClassProbability(tagProbabilities.AsSpan(last * labels, labels), begin) is var p && p >= UnnamedFunction)
                {
                    (last, mass) = (last + 1, mass + p);
                }

                if (mass > best)
                {
                    (found, best) = ((begin, first, last), mass);
                }
            }
        }

        return found;
    }

    private static bool IsClauseBreak(string text, Token token) => token.Length == 1 && CallDecoder.ClauseBreaks.Contains(text[token.Start]);

    /// <summary>Whether the token reads as the middle of a span of the class whose B tag is <paramref name="begin"/>, not its start.</summary>
    private bool ReadAsMiddle(float[] tagProbabilities, int token, int begin) =>
        tagProbabilities[(token * tags.Count) + begin + 1] > tagProbabilities[(token * tags.Count) + begin];

    /// <summary>Labels the token at <paramref name="first"/> and the tokens after it that continue its span.</summary>
    /// <returns>The last token relabelled.</returns>
    private static int Relabel(int[] tagIds, int first, int label)
    {
        var last = SpanEnd(tagIds, first);
        Array.Fill(tagIds, label, first, last - first + 1);
        return last;
    }

    /// <summary>The last token of the span that the token at <paramref name="first"/> begins (its continuations).</summary>
    private static int SpanEnd(int[] tagIds, int first)
    {
        var last = first;
        while (last + 1 < tagIds.Length && tagIds[last + 1] == tagIds[first] + 1)
        {
            last++;
        }

        return last;
    }

    /// <summary>The probability that a token is in a span of the class whose B tag is <paramref name="begin"/>.</summary>
    private static float ClassProbability(ReadOnlySpan<float> probabilities, int begin) => probabilities[begin] + probabilities[begin + 1];

    /// <summary>
    /// The token's span class, judged by the probability of each class (its B and I tags together) and of outside: a
    /// word the model splits between beginning and continuing a span is still in it ("首" of "去首都机场": in the
    /// place at 0.53, B 0.35 and I 0.18, against 0.40 for the one label it is likeliest to be). Within the class, I
    /// continues the previous token's span unless B is the likelier.
    /// </summary>
    private static (int Label, float Probability) MostLikelyClass(ReadOnlySpan<float> probabilities, int previousLabel)
    {
        var best = 0;
        var bestMass = probabilities[0];
        for (var b = 1; b + 1 < probabilities.Length; b += 2)
        {
            var mass = ClassProbability(probabilities, b);
            if (mass > bestMass)
            {
                (best, bestMass) = (b, mass);
            }
        }

        var continues = best > 0 && (previousLabel == best || previousLabel == best + 1);
        return (continues && probabilities[best + 1] >= probabilities[best] ? best + 1 : best, bestMass);
    }
}
