using Cockpit.Understanding.Catalog;
using Cockpit.Understanding.Text;

namespace Cockpit.Understanding.Model;

/// <summary>
/// Turns the model's three heads into calls (see <see cref="LabelSet"/>): the intent head cuts the utterance into
/// segments, one call each, and names the call; the slot head's spans give each call its value, amount, level or free
/// text; the zone head, averaged over a segment, gives its zones. There is no word list here: what a call is comes from
/// the model, and the decoder only reads the spans' numbers and text. Pure and thread-safe.
/// </summary>
/// <param name="catalog">The catalog the intents refer to.</param>
/// <param name="labels">The label set the model was trained with.</param>
/// <param name="rules">The repairs to make (<see cref="DecoderRules"/>); all of them at run time.</param>
public sealed class CallDecoder(ActionCatalog catalog, LabelSet labels, DecoderRules rules = DecoderRules.All)
{
    /// <summary>A zone is the call's when the segment's mean probability for it is above this.</summary>
    private const float ZoneThreshold = 0.5f;

    /// <summary>The label set.</summary>
    public LabelSet Labels { get; } = labels;

    /// <summary>Decodes one utterance.</summary>
    /// <param name="text">The utterance.</param>
    /// <param name="tokens">Its tokens (as encoded, at most the model's length).</param>
    /// <param name="intentLogits">[tokens × intent tags].</param>
    /// <param name="slotLogits">[tokens × slot tags].</param>
    /// <param name="zoneLogits">[tokens × zones].</param>
    /// <returns>The calls in the order said and the confidence: that of the least sure call, or, with no call, how sure the
    /// model was that nothing was asked.</returns>
    public (IReadOnlyList<ActionCall> Calls, float Confidence) Decode(
        string text, IReadOnlyList<Token> tokens, ReadOnlySpan<float> intentLogits, ReadOnlySpan<float> slotLogits, ReadOnlySpan<float> zoneLogits)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        var n = tokens.Count;
        var intentCount = Labels.IntentTags.Count;
        var slotCount = Labels.SlotTags.Count;
        var zoneCount = Labels.Zones.Count;
        var segments = Segments(intentLogits, n, intentCount, out var nothingConfidence);
        if (segments.Count == 0)
        {
            return ([], nothingConfidence);
        }

        var spans = SlotSpans(slotLogits, n, slotCount);
        if (rules.HasFlag(DecoderRules.MergeRuns))
        {
            segments = Merge(segments, spans, zoneLogits, zoneCount);
        }

        var calls = new List<ActionCall>(segments.Count);
        var confidence = 1f;
        foreach (var segment in segments)
        {
            var owned = spans.Where(span => span.First >= segment.First && span.First <= segment.Last).ToList();
            var call = Build(text, tokens, segment, owned, Zones(zoneLogits, segment, zoneCount));
            if (call is not null)
            {
                calls.Add(call);
                confidence = Math.Min(confidence, segment.Confidence);
            }
        }

        return calls.Count == 0 ? ([], nothingConfidence) : (calls, confidence);
    }

    /// <summary>
    /// One call said in two runs of the same intent (a stray <c>B-</c> inside it, a filler between) is one call: two runs
    /// stay two calls only when each has arguments of its own ("the driver window and the passenger window").
    /// </summary>
    private List<Segment> Merge(List<Segment> segments, List<SlotSpan> spans, ReadOnlySpan<float> zoneLogits, int zoneCount)
    {
        var merged = new List<Segment>(segments.Count);
        foreach (var segment in segments)
        {
            if (merged.Count > 0 && merged[^1] is var previous && previous.Intent == segment.Intent)
            {
                var previousZones = Zones(zoneLogits, previous, zoneCount);
                var zones = Zones(zoneLogits, segment, zoneCount);
                var previousOwn = spans.Any(span => span.First >= previous.First && span.First <= previous.Last);
                var own = spans.Any(span => span.First >= segment.First && span.First <= segment.Last);
                var distinct = (previousZones.Count > 0 && zones.Count > 0 && !previousZones.SequenceEqual(zones)) || (previousOwn && own);
                if (!distinct)
                {
                    previous.Absorb(segment);
                    continue;
                }
            }

            merged.Add(segment);
        }

        return merged;
    }

    /// <summary>
    /// Runs of tokens in a call: a token whose likeliest tag is a <c>B-</c> tag starts one, <c>O</c> ends one, an <c>I-</c>
    /// tag continues the one open (or starts one). Each run's intent is the one its tokens give the most probability to,
    /// <c>B-</c> and <c>I-</c> together: a word or two leaning to a neighbouring intent do not split the call.
    /// </summary>
    private List<Segment> Segments(ReadOnlySpan<float> logits, int n, int classes, out float nothingConfidence)
    {
        var segments = new List<Segment>();
        Segment? open = null;
        nothingConfidence = 1f;
        var probabilities = new float[classes];
        for (var i = 0; i < n; i++)
        {
            var (tag, probability) = Softmax(logits.Slice(i * classes, classes), probabilities);
            if (Labels.ParseIntentTag(tag) is not { } parsed)
            {
                nothingConfidence = Math.Min(nothingConfidence, probability);
                open = null;
                continue;
            }

            if (open is null || parsed.IsBegin)
            {
                open = new Segment(Labels.Intents, i);
                segments.Add(open);
            }

            open.Add(i, probabilities);
        }

        return segments;
    }

    /// <summary>The spans of the slot head: a <c>B-</c> tag, or an <c>I-</c> tag after another kind, starts one.</summary>
    private List<SlotSpan> SlotSpans(ReadOnlySpan<float> logits, int n, int classes)
    {
        var spans = new List<SlotSpan>();
        SlotSpan? open = null;
        for (var i = 0; i < n; i++)
        {
            var (tag, _) = ArgMax(logits.Slice(i * classes, classes));
            if (Labels.ParseSlotTag(tag) is not { } parsed)
            {
                open = null;
                continue;
            }

            if (open is null || parsed.IsBegin || open.Kind != parsed.Kind)
            {
                open = new SlotSpan(parsed.Kind, i, i);
                spans.Add(open);
            }
            else
            {
                open = open with { Last = i };
                spans[^1] = open;
            }
        }

        return spans;
    }

    private List<string> Zones(ReadOnlySpan<float> logits, Segment segment, int zones)
    {
        var result = new List<string>();
        for (var z = 0; z < zones; z++)
        {
            var sum = 0f;
            foreach (var i in segment.Tokens)
            {
                sum += logits[(i * zones) + z];
            }

            if (Sigmoid(sum / segment.Tokens.Count) > ZoneThreshold)
            {
                result.Add(Labels.Zones[z]);
            }
        }

        // "all" says every seat; a seat named beside it adds nothing.
        return result.Contains("all") ? ["all"] : result;
    }

    private ActionCall? Build(string text, IReadOnlyList<Token> tokens, Segment segment, List<SlotSpan> spans, List<string> zones)
    {
        var intent = segment.Intent;
        var function = intent.Function is null ? null : catalog.FindFunction(intent.Function);
        if (intent.Function is not null && function is null && catalog.FindReading(intent.Function) is null)
        {
            return null;
        }

        var operation = intent.Operation;
        ActionValue? value = intent.Value is { } symbol ? ActionValue.FromEnum(symbol) : null;
        double? delta = null;
        var freeText = new Dictionary<string, TextSpan>(StringComparer.Ordinal);
        var texts = spans.Where(span => span.Kind == "TEXT").ToList();
        if (function?.Value.Slot is { } slot && texts.Count > 0)
        {
            var last = rules.HasFlag(DecoderRules.WholeText) ? texts[^1] : texts[0];
            var (first, end) = (tokens[texts[0].First].Start, tokens[last.Last].End);
            if (rules.HasFlag(DecoderRules.WholeWords))
            {
                (first, end) = WholeWords(text, first, end);
            }

            var said = text[first..end].Trim();
            freeText[slot] = new TextSpan(text.IndexOf(said, first, StringComparison.Ordinal), said.Length, said);
        }

        foreach (var span in spans.Where(span => span.Kind != "TEXT"))
        {
            var (start, end) = (tokens[span.First].Start, tokens[span.Last].End);

            if (rules.HasFlag(DecoderRules.WholeNumbers))
            {
                // Digits first: a sign is only found before the whole number ("minus 20" marked on its "0").
                var (digitsStart, digitsEnd) = Digits(text, (start, end));
                (start, end) = NumeralSpans.Widen(text, digitsStart, digitsEnd);
            }

            var where = new TextSpan(start, end - start, text[start..end]);
            if (!Numerals.TryParse(where.Text, out var number))
            {
                if (function is not null && LevelWords.Read(where.Text, function.Value.Levels.Count - 1) is { } level)
                {
                    value ??= ActionValue.FromLevel(level, where);
                }

                continue;
            }

            switch (span.Kind)
            {
                case "DELTA":
                    delta ??= number;
                    break;
                case "LEVEL":
                    value ??= ActionValue.FromLevel(number, where);
                    break;
                default:
                    value ??= ActionValue.FromNumber(number, where);
                    break;
            }
        }

        // "Up/down to 40" names where to go, not how far: a value said with a relative intent is the target.
        if (rules.HasFlag(DecoderRules.RelativeToTarget) && operation is "up" or "down" && value is { Kind: not ActionValueKind.Enum } && delta is null)
        {
            operation = "set";
        }

        return new ActionCall
        {
            Function = intent.Function,
            Operation = operation == LabelSet.RunOperation ? null : operation,
            Zones = zones,
            Value = value,
            Delta = delta,
            Text = freeText,
            Confidence = segment.Confidence,
        };
    }

    /// <summary>The span grown to the ends of the Latin words it cuts: "Oliver" read as its last piece is read whole.</summary>
    private static (int Start, int End) WholeWords(string text, int start, int end)
    {
        while (start > 0 && InsideWord(text, start))
        {
            start--;
        }

        while (end < text.Length && InsideWord(text, end))
        {
            end++;
        }

        return (start, end);
    }

    /// <summary>Whether the boundary before <paramref name="i"/> lies inside a Latin word ("Buc-ee", "Joe's" hold theirs).</summary>
    private static bool InsideWord(string text, int i)
    {
        static bool Latin(char c) => char.IsAsciiLetterOrDigit(c);
        static bool Joiner(char c) => c is '-' or '\'' or '\u2019';
        var (before, after) = (text[i - 1], text[i]);
        return (Latin(before) && Latin(after))
            || (Joiner(before) && i >= 2 && Latin(text[i - 2]) && Latin(after))
            || (Joiner(after) && i + 1 < text.Length && Latin(before) && Latin(text[i + 1]));
    }

    /// <summary>The span grown over the digits right beside it: a number cut into single digits by the tokenizer is read whole.</summary>
    private static (int Start, int End) Digits(string text, (int Start, int End) span)
    {
        var (start, end) = span;
        while (start > 0 && (char.IsAsciiDigit(text[start - 1]) || (text[start - 1] == '.' && start > 1 && char.IsAsciiDigit(text[start - 2]))))
        {
            start--;
        }

        while (end < text.Length && (char.IsAsciiDigit(text[end]) || (text[end] == '.' && end + 1 < text.Length && char.IsAsciiDigit(text[end + 1]))))
        {
            end++;
        }

        return (start, end);
    }

    /// <summary>The softmax of <paramref name="logits"/> into <paramref name="probabilities"/>; returns the likeliest class and its probability.</summary>
    private static (int Index, float Probability) Softmax(ReadOnlySpan<float> logits, float[] probabilities)
    {
        var (best, _) = ArgMax(logits);
        var sum = 0f;
        for (var i = 0; i < logits.Length; i++)
        {
            probabilities[i] = MathF.Exp(logits[i] - logits[best]);
            sum += probabilities[i];
        }

        for (var i = 0; i < logits.Length; i++)
        {
            probabilities[i] /= sum;
        }

        return (best, probabilities[best]);
    }

    private static (int Index, float Probability) ArgMax(ReadOnlySpan<float> logits)
    {
        var best = 0;
        for (var i = 1; i < logits.Length; i++)
        {
            if (logits[i] > logits[best])
            {
                best = i;
            }
        }

        var sum = 0.0;
        for (var i = 0; i < logits.Length; i++)
        {
            sum += Math.Exp(logits[i] - logits[best]);
        }

        return (best, (float)(1 / sum));
    }

    private static float Sigmoid(float x) => 1f / (1f + MathF.Exp(-x));

    /// <summary>One call's tokens and the probability they give each intent.</summary>
    private sealed class Segment(IReadOnlyList<Intent> intents, int first)
    {
        private readonly List<int> _tokens = [];
        private readonly float[] _votes = new float[intents.Count];
        private int _best = -1;

        public int First { get; } = first;

        public int Last { get; private set; } = first;

        /// <summary>The tokens of the segment.</summary>
        public IReadOnlyList<int> Tokens => _tokens;

        /// <summary>The intent its tokens give the most probability.</summary>
        public Intent Intent => intents[Best];

        /// <summary>The mean probability its tokens give that intent.</summary>
        public float Confidence => _tokens.Count == 0 ? 0 : _votes[Best] / _tokens.Count;

        private int Best
        {
            get
            {
                if (_best < 0)
                {
                    _best = 0;
                    for (var i = 1; i < _votes.Length; i++)
                    {
                        _best = _votes[i] > _votes[_best] ? i : _best;
                    }
                }

                return _best;
            }
        }

        /// <summary>Adds a token with its intent tags' probabilities (index 0 is <c>O</c>, then B and I of each intent).</summary>
        public void Add(int token, float[] probabilities)
        {
            _tokens.Add(token);
            Last = token;
            for (var i = 0; i < _votes.Length; i++)
            {
                _votes[i] += probabilities[1 + (2 * i)] + probabilities[2 + (2 * i)];
            }

            _best = -1;
        }

        /// <summary>Takes <paramref name="later"/>'s tokens: this segment now runs to its end.</summary>
        public void Absorb(Segment later)
        {
            _tokens.AddRange(later._tokens);
            Last = later.Last;
            for (var i = 0; i < _votes.Length; i++)
            {
                _votes[i] += later._votes[i];
            }

            _best = -1;
        }
    }

    private sealed record SlotSpan(string Kind, int First, int Last);
}
