using System.Buffers;
using Cockpit.Understanding.Catalog;
using Cockpit.Understanding.Text;

namespace Cockpit.Understanding.Model;

/// <summary>
/// Turns the model's per-token tag and call-index scores (or gold labels) into <see cref="ActionCall"/>s validated against
/// the catalog; the tags are read by <see cref="TagReader"/>. Pure and thread-safe. The training project uses the same decoder on gold tags, so "exact match" compares calls.
/// </summary>
internal sealed class CallDecoder(ActionCatalog catalog, TagSet tags)
{
    /// <summary>Above this many spans the numbering is the call head's own (the search grows with the square of the spans).</summary>
    private const int MaxSearchedSpans = 16;

    /// <summary>Log-probability given to call indices other than a label's.</summary>
    private const float Impossible = -1e4f;

    /// <summary>How sure a tag must be to split what the call head numbered as one call.</summary>
    private const float SureTag = 0.8f;

    /// <summary>What joins two listed functions that share one verb ("打开空调和座椅加热", "the AC and the seat heating").</summary>
    private static readonly string[] ZhConjunctions = ["和", "跟", "与", "及", "还有", "、"];

    private static readonly string[] EnConjunctions = ["and", "plus"];

    /// <summary>Where a clause ends; "." is left out, as it also ends an abbreviation in a name ("main st.").</summary>
    private const string ClauseBreakCharacters = ",，。;；!！?？";

    internal static readonly SearchValues<char> ClauseBreaks = SearchValues.Create(ClauseBreakCharacters);

    /// <summary>Verbs that switch something on or open, and those that switch it off or close: one request never says both.</summary>
    private static readonly string[] OnVerbs = ["on", "open", "unfold", "unmute", "play", "unlock"];

    private static readonly string[] OffVerbs = ["off", "close", "fold", "mute", "pause", "lock"];

    private readonly OperationPhrases phrases = new(catalog);

    private readonly TagReader reader = new(tags);

    /// <summary>Enum values by each of their names that no other value shares ("设置": the settings app).</summary>
    private readonly Dictionary<string, (CatalogFunction Owner, CatalogEnumValue Value)> enumValuesByName = catalog.Functions
        .Where(f => f.Value.Type == CatalogValueType.Enum)
        .SelectMany(f => f.Value.Values.SelectMany(v => v.Zh.Concat(v.En).Select(name => (Name: name, Owner: f, Value: v))))
        .GroupBy(e => e.Name, StringComparer.OrdinalIgnoreCase)
        .Where(g => g.Count() == 1)
        .ToDictionary(g => g.Key, g => (g.Single().Owner, g.Single().Value), StringComparer.OrdinalIgnoreCase);

    public ActionCatalog Catalog => catalog;

    public TagSet Tags => tags;

    /// <summary>Groups tokens into runs of one span class: B starts a run, I continues one of the same class (a stray I starts one).</summary>
    /// <returns>Each run's first token, the token after its last, and its class.</returns>
    private static List<(int First, int End, string Class)> Runs(TagSet tags, ReadOnlySpan<int> tagIds)
    {
        var runs = new List<(int First, int End, string Class)>();
        string? cls = null;
        var first = 0;
        for (var i = 0; i <= tagIds.Length; i++)
        {
            var (isBegin, c) = i < tagIds.Length ? tags.Parse(tagIds[i]) : (true, null);
            if (c is not null && !isBegin && c == cls)
            {
                continue;
            }

            if (cls is not null)
            {
                runs.Add((first, i, cls));
            }

            (cls, first) = (c, i);
        }

        return runs;
    }

    /// <summary>Decodes one utterance from the model's outputs.</summary>
    /// <param name="text">The utterance.</param>
    /// <param name="tokens">Its tokens.</param>
    /// <param name="tagLogits">The tag head's logits, <see cref="TagSet.Count"/> per token.</param>
    /// <param name="callLogits">The call head's logits, <see cref="TagSet.CallClasses"/> per token.</param>
    /// <param name="minConfidence">Tags whose probability is below this are read as outside any span.</param>
    /// <returns>The calls, what was tagged but rejected (for logging), and the confidence of the weakest call (without
    /// calls: of the weakest tag).</returns>
    public (List<ActionCall> Calls, List<string> Rejected, float Confidence) Decode(
        string text, IReadOnlyList<Token> tokens, ReadOnlySpan<float> tagLogits, ReadOnlySpan<float> callLogits, float minConfidence)
    {
        var n = tokens.Count;
        var (tagIds, confidence, weak) = reader.Read(text, tokens, tagLogits, minConfidence);
        var callLogProbabilities = new float[n * TagSet.CallClasses];
        for (var i = 0; i < n; i++)
        {
            LogSoftmax(callLogits.Slice(i * TagSet.CallClasses, TagSet.CallClasses), callLogProbabilities.AsSpan(i * TagSet.CallClasses, TagSet.CallClasses));
        }

        var (calls, rejected) = Decode(text, tokens, tagIds, callLogProbabilities, confidence);
        rejected.AddRange(weak);
        return (calls, rejected, calls.Count > 0 ? calls.Min(c => c.Confidence) : n == 0 ? 1f : confidence.Min());
    }

    /// <summary>Decodes one utterance from labels: each tagged token's call index is given (gold tags, tests).</summary>
    public (List<ActionCall> Calls, List<string> Rejected) Decode(string text, IReadOnlyList<Token> tokens, ReadOnlySpan<int> tagIds, ReadOnlySpan<int> callIds, ReadOnlySpan<float> confidence)
    {
        var callLogProbabilities = new float[tokens.Count * TagSet.CallClasses];
        for (var i = 0; i < tokens.Count; i++)
        {
            for (var c = 1; c < TagSet.CallClasses && callIds[i] > 0; c++)
            {
                callLogProbabilities[(i * TagSet.CallClasses) + c] = c == callIds[i] ? 0 : Impossible;
            }
        }

        return Decode(text, tokens, tagIds, callLogProbabilities, confidence);
    }

    private (List<ActionCall> Calls, List<string> Rejected) Decode(string text, IReadOnlyList<Token> tokens, ReadOnlySpan<int> tagIds, float[] callLogProbabilities, ReadOnlySpan<float> confidence)
    {
        var spans = new List<TaggedSpan>();
        var scores = new List<double[]>();
        foreach (var (first, end, cls) in Runs(tags, tagIds[..tokens.Count]))
        {
            var conf = 1f;
            var last = tokens[first].End;
            var score = new double[TagSet.CallClasses];
            for (var i = first; i < end; i++)
            {
                conf = Math.Min(conf, confidence.IsEmpty ? 1f : confidence[i]);
                last = Math.Max(last, tokens[i].End);
                for (var c = 1; c < TagSet.CallClasses; c++)
                {
                    score[c] += callLogProbabilities[(i * TagSet.CallClasses) + c];
                }
            }

            spans.Add(Snap(text, new TaggedSpan(cls, tokens[first].Start, last, conf)));
            scores.Add(score);
        }

        var calls = new List<ActionCall>();
        var rejected = new List<string>();
        // The call head's likeliest numbering is the answer when the catalog can carry out every call it makes (no
        // numbering scores higher); only otherwise are the others weighed, which costs a build per candidate call.
        var search = new CallSearch(
            spans.Count, scores, (first, end, previousOp) => BuildGroup(text, spans, first, end, previousOp), (first, end) => TwoRequests(spans.GetRange(first, end - first)));
        var plan = search.Best(judgeCalls: false);
        if (spans.Count <= MaxSearchedSpans && plan.Any(step => !CallSearch.Usable(step.Call, plan.Count == 1)))
        {
            plan = search.Best(judgeCalls: true);
        }

        var steps = new List<(int First, int End, ActionCall? Call, string Why)>();
        foreach (var (end, call, why) in plan)
        {
            steps.Add((steps.Count == 0 ? 0 : steps[^1].End, end, call, why));
        }

        for (var i = steps.Count - 2; i >= 0; i--)
        {
            var (first, end, call, _) = steps[i];
            if (call is null && steps[i + 1].Call?.Operation is { } nextOp
                && spans[first..end].All(s => s.Class.StartsWith("FN:", StringComparison.Ordinal) || s.Class.StartsWith("ZONE:", StringComparison.Ordinal))
                && Coordinated(text, spans, end - 1, end)
                && BuildGroup(text, spans, first, end, nextOp) is ({ } lent, var lentWhy))
            {
                // "把天窗和遮阳帘都关上": functions listed before one verb all take it.
                steps[i] = (first, end, lent, lentWhy);
            }
        }

        ZonesToTheirClause(text, spans, steps);
        foreach (var (first, end, planned, why) in steps)
        {
            var group = spans[first..end];
            if (planned is null)
            {
                rejected.Add(why + ": " + string.Join(' ', group.Select(s => $"{s.Class}=\"{s.Text(text)}\"")));
                continue;
            }

            foreach (var call in Coordination(text, spans, first, end, planned))
            {
                if (calls.Count > 0 && calls[^1].SameAs(call) && call.Operation is not ("up" or "down"))
                {
                    // A restart that repeats a whole request ("回到地，地图") asks for it once; "louder, louder" still counts twice.
                    rejected.Add("repeated: " + call);
                    continue;
                }

                calls.Add(call);
            }
        }

        if (calls.Count == 0 && CommandNamed(text) is { } command)
        {
            // The utterance is a command's name and nothing else ("back"): alone, the tagger may read the word as nothing.
            calls.Add(new ActionCall { Function = command.Id });
        }

        // A follow-up ("close it too") is said on its own; next to calls that name their function it is a misread filler.
        if (calls.Any(c => c.Function is not null))
        {
            foreach (var stray in calls.Where(c => c.Function is null).ToList())
            {
                calls.Remove(stray);
                rejected.Add("follow-up next to full calls: " + stray);
            }
        }

        return (calls, rejected);
    }

    /// <summary>The call spans [<paramref name="first"/>, <paramref name="end"/>) make, given the verb of the call before them.</summary>
    private (ActionCall? Call, string Why) BuildGroup(string text, List<TaggedSpan> spans, int first, int end, string? previousOp)
    {
        var group = spans.GetRange(first, end - first);
        if (TwoRequests(group))
        {
            return (null, "two requests in one call");
        }

        var regionStart = first == 0 ? 0 : spans.Take(first).Max(s => s.End);
        var regionEnd = end == spans.Count ? text.Length : spans[end].Start;
        var call = Build(text, group, previousOp, (Math.Min(regionStart, group.Min(s => s.Start)), Math.Max(regionEnd, group.Max(s => s.End))), out var why);
        if (call is null && CommandSaidAsZone(text, group, alone: first == 0 && end == spans.Count) is { } command)
        {
            call = new ActionCall { Function = command.Id, Zones = [], Confidence = group.Min(s => s.Confidence) };
        }

        return (call, why);
    }

    /// <summary>
    /// Zones said after a clause break at the end of one call, before the next call's function, go with the next call:
    /// a clause names its own seats ("车窗再升高一点，右前空调风量设置126": the front right is the fan's, not the window's).
    /// Both calls are built again; where either cannot be, the numbering stays.
    /// </summary>
    private void ZonesToTheirClause(string text, List<TaggedSpan> spans, List<(int First, int End, ActionCall? Call, string Why)> steps)
    {
        static bool IsZone(TaggedSpan s) => s.Class.StartsWith("ZONE:", StringComparison.Ordinal);
        for (var i = 0; i + 1 < steps.Count; i++)
        {
            var (first, end, call, _) = steps[i];
            var next = steps[i + 1];
            if (call?.Function is null || next.Call?.Function is null || !spans[next.First..next.End].Any(s => s.Class.StartsWith("FN:", StringComparison.Ordinal)))
            {
                continue;
            }

            var cut = -1;
            for (var j = end - 1; j > first && IsZone(spans[j]); j--)
            {
                if (text.AsSpan(spans[j - 1].End, Math.Max(0, spans[j].Start - spans[j - 1].End)).IndexOfAny(ClauseBreaks) >= 0)
                {
                    cut = j;
                }
            }

            if (cut < 0)
            {
                continue;
            }

            var before = i == 0 ? null : steps[i - 1].Call?.Operation;
            if (BuildGroup(text, spans, first, cut, before) is ({ Function: not null } kept, var keptWhy)
                && BuildGroup(text, spans, cut, next.End, kept.Operation) is ({ Function: not null } moved, var movedWhy))
            {
                steps[i] = (first, cut, kept, keptWhy);
                steps[i + 1] = (cut, next.End, moved, movedWhy);
            }
        }
    }

    /// <summary>
    /// Whether a group holds two requests, however the call head numbered it: two functions with a verb said between them
    /// ("打开空调，打开座椅加热"), or a function between opposite verbs ("关闭天窗，打开…": the second verb starts the next request).
    /// </summary>
    private static bool TwoRequests(List<TaggedSpan> group)
    {
        // Only sure tags overrule the call head: "退回到…页面" may tag "退" as "back", weakly, and "回到" as a verb.
        static bool IsVerb(TaggedSpan s) => s.Class.StartsWith("OP:", StringComparison.Ordinal) && s.Confidence >= SureTag;
        var named = group.Where(s => s.Class.StartsWith("FN:", StringComparison.Ordinal) && s.Confidence >= SureTag).ToList();
        for (var i = 1; i < named.Count; i++)
        {
            var (before, after) = (named[i - 1], named[i]);
            if (before.Class != after.Class && group.Any(s => IsVerb(s) && s.Start >= before.End && s.End <= after.Start))
            {
                return true;
            }
        }

        static bool Opposite(string a, string b) => (OnVerbs.Contains(a) && OffVerbs.Contains(b)) || (OffVerbs.Contains(a) && OnVerbs.Contains(b));
        return named.Any(fn => group.Any(b => IsVerb(b) && b.End <= fn.Start
            && group.Any(a => IsVerb(a) && a.Start >= fn.End && Opposite(b.Class[3..], a.Class[3..]))));
    }

    /// <summary>
    /// The calls of a group that lists functions joined by "和"/"and" ("打开空调和座椅加热", "turn off the fog lights and
    /// the hazards"): one per function, each with the zones said beside it and everything else of the group. The built
    /// call alone when the group lists nothing, or when any listed function cannot take what was asked.
    /// </summary>
    private IEnumerable<ActionCall> Coordination(string text, List<TaggedSpan> spans, int first, int end, ActionCall built)
    {
        var named = Enumerable.Range(first, end - first).Where(i => spans[i].Class.StartsWith("FN:", StringComparison.Ordinal)).ToList();
        if (named.Count < 2)
        {
            return [built];
        }

        var listed = new List<List<int>> { new() { named[0] } };
        for (var k = 1; k < named.Count; k++)
        {
            if (spans[named[k]].Class == spans[named[k - 1]].Class)
            {
                listed[^1].Add(named[k]);
            }
            else if (Coordinated(text, spans, named[k - 1], named[k]))
            {
                listed.Add([named[k]]);
            }
            else
            {
                return [built];
            }
        }

        if (listed.Count < 2)
        {
            return [built];
        }

        var shared = Enumerable.Range(first, end - first)
            .Where(i => !spans[i].Class.StartsWith("FN:", StringComparison.Ordinal) && !spans[i].Class.StartsWith("ZONE:", StringComparison.Ordinal))
            .ToList();
        var calls = new List<ActionCall>();
        for (var k = 0; k < listed.Count; k++)
        {
            // A function's zones are those said between the function before it and the one after it.
            var from = k == 0 ? -1 : spans[listed[k - 1][^1]].End;
            var to = k == listed.Count - 1 ? int.MaxValue : spans[listed[k + 1][0]].Start;
            var own = Enumerable.Range(first, end - first)
                .Where(i => spans[i].Class.StartsWith("ZONE:", StringComparison.Ordinal) && spans[i].Start >= from && spans[i].End <= to);
            var group = shared.Concat(listed[k]).Concat(own).Order().Select(i => spans[i]).ToList();
            var region = (Math.Min(Math.Max(from, 0), group.Min(s => s.Start)), to == int.MaxValue ? text.Length : to);
            if (Build(text, group, built.Operation, region, out _) is not { Function: not null } call)
            {
                return [built];
            }

            calls.Add(call);
        }

        return calls;
    }

    /// <summary>
    /// Whether the words between spans <paramref name="left"/> and <paramref name="right"/> join them as a list: a
    /// conjunction ("和", "and the", "uh, plus"), or a comma alone ("空调、座椅加热", "the fog lights, the hazards"). In
    /// Chinese a comma before the conjunction ("，还有") starts another request instead.
    /// </summary>
    private static bool Coordinated(string text, List<TaggedSpan> spans, int left, int right)
    {
        if (spans[right].Start <= spans[left].End)
        {
            // Touching, or overlapping where word pieces tagged apart were both widened to their word.
            return false;
        }

        var gap = text[spans[left].End..spans[right].Start].ToLowerInvariant();
        var words = gap.Split([' ', ',', '，'], StringSplitOptions.RemoveEmptyEntries).Where(w => w is not ("the" or "my")).ToArray();
        if (words.Length == 0)
        {
            return gap.AsSpan().IndexOfAny(",，") >= 0;
        }

        if (words.Any(EnConjunctions.Contains))
        {
            return true;
        }

        var conjunction = ZhConjunctions.Select(c => gap.IndexOf(c, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();
        return conjunction >= 0 && gap.AsSpan(0, conjunction).IndexOfAny(",，") < 0;
    }

    /// <summary>Widens a span that starts or ends inside an English word to the whole word (word pieces tagged apart).</summary>
    private static TaggedSpan Snap(string text, TaggedSpan s)
    {
        static bool Letter(char c) => char.IsAsciiLetterOrDigit(c) || c == '\'';
        var start = s.Start;
        var end = s.End;
        while (start > 0 && start < text.Length && Letter(text[start]) && Letter(text[start - 1]))
        {
            start--;
        }

        while (end > 0 && end < text.Length && Letter(text[end - 1]) && Letter(text[end]))
        {
            end++;
        }

        return start == s.Start && end == s.End ? s : s with { Start = start, End = end };
    }

    /// <summary>Maps an operation the function does not accept to the one it does with the same meaning (on ↔ open).</summary>
    public static string? Canonical(CatalogFunction function, string? op)
    {
        if (op is null || function.Accepts(op))
        {
            return op;
        }

        string[] family = op switch
        {
            "on" => ["open", "play", "unfold", "unmute"],
            "open" => ["on", "unfold", "unmute"],
            "off" => ["close", "pause", "mute"],
            "close" => ["off", "fold", "mute"],
            "max" => ["open"],
            "min" => ["close"],
            "play" => ["on"],
            "pause" => ["off"],
            "unfold" or "unmute" => ["open", "on"],
            "fold" or "mute" => ["close", "off"],
            _ => [],
        };
        return family.FirstOrDefault(function.Accepts);
    }

    private ActionCall? Build(string text, List<TaggedSpan> group, string? previousOp, (int Start, int End) region, out string why)
    {
        why = "";
        CatalogFunction? function = null;
        CatalogOperation? op = null;
        var zones = new List<string>();
        ActionValue? value = null;
        double? delta = null;
        TextSpan? deltaSpan = null;
        ActionValue? number = null;
        CatalogFunction? enumFunction = null;
        var said = new List<CatalogOperation>();
        string? opWords = null;
        var texts = new Dictionary<string, TextSpan>(StringComparer.Ordinal);
        var confidence = group.Min(s => s.Confidence);
        (string Kind, TextSpan Span)? lastNumber = null;

        foreach (var s in group)
        {
            var kind = s.Class.Split(':', 2);
            var span = new TextSpan(s.Start, s.End - s.Start, s.Text(text));
            switch (kind[0])
            {
                case "FN":
                    function ??= catalog.FindFunction(kind[1]);
                    break;
                case "OP":
                    var o = catalog.FindOperation(kind[1]);
                    if (o is not null)
                    {
                        said.Add(o);
                    }

                    if (o is not null && (op is null || o.Rank > op.Rank))
                    {
                        (op, opWords) = (o, span.Text);
                    }

                    break;
                case "ZONE":
                    if (!zones.Contains(kind[1]))
                    {
                        zones.Add(kind[1]);
                    }

                    break;
                case "NUM" or "LEVEL" or "DELTA":
                    // The last number wins: in a restart ("调到六十，六十五") the correction comes last. One that overlaps
                    // the number before it is that number in pieces the tagger classed apart ("down 20 %": "2" a change,
                    // "0 %" a value) or split ("a hundred | fifty nine"): read whole, as its first piece says.
                    var numberKind = kind[0];
                    span = WholeNumber(text, span);
                    if (SaysHowLittle(text, span))
                    {
                        // "再亮一丢丢", "调高一点": "一" with a word of degree says a little, not a value or an amount of 1.
                        break;
                    }

                    if (lastNumber is var (previousKind, previous) && span.Start < previous.Start + previous.Length)
                    {
                        (numberKind, span) = (previousKind, Union(text, previous, span));
                    }

                    lastNumber = (numberKind, span);
                    if (!Numerals.TryParse(span.Text, out var n))
                    {
                        break;
                    }

                    if (numberKind == "DELTA")
                    {
                        (delta, deltaSpan) = (n, span);
                    }
                    else
                    {
                        number = numberKind == "NUM" ? ActionValue.FromNumber(n, span) : ActionValue.FromLevel(n, span);
                        value = value is { Kind: ActionValueKind.Enum } ? value : number;
                    }

                    break;
                case "ENUM":
                    var eq = kind[1].IndexOf('=', StringComparison.Ordinal);
                    var owner = catalog.FindFunction(kind[1][..eq]);
                    if (value is null && owner is not null)
                    {
                        value = ActionValue.FromEnum(kind[1][(eq + 1)..], span);
                        enumFunction ??= owner;
                    }

                    break;
                case "TXT":
                    texts[kind[1]] = texts.TryGetValue(kind[1], out var prev)
                        ? new TextSpan(prev.Start, s.End - prev.Start, text[prev.Start..s.End])
                        : span;
                    break;
            }
        }

        if (function is not null && function.Value.Type is not (CatalogValueType.Number or CatalogValueType.Level)
            && (value is { Kind: ActionValueKind.Number or ActionValueKind.Level } || delta is not null)
            && group.Where(s => s.Class.StartsWith("FN:", StringComparison.Ordinal)).Select(s => catalog.FindFunction(s.Class[3..]))
                .FirstOrDefault(f => f?.Value.Type is CatalogValueType.Number or CatalogValueType.Level) is { } takesNumber)
        {
            // Two functions named in one call, a number said: it is the one that takes a number ("跳到…页面，也导航音量
            // 设置46%": the navigation volume, not the screen).
            function = takesNumber;
        }

        if (value is null && delta is null && NamedValueSaidAsSetVerb(text, group, function) is var (namedOwner, named, namedSpan))
        {
            // "回到设置", "跳到设置页面": "设置" read as the verb "set", and nothing to set: it names the settings app.
            (value, enumFunction) = (ActionValue.FromEnum(named.Value, namedSpan), namedOwner);
        }

        function ??= enumFunction;
        if (op?.Id == "crack" && said.FirstOrDefault(o => o.Id is "up" or "down") is { } direction)
        {
            // "window up a little", "lower the window slightly": beside a direction, "a little" is how far it moves, not
            // the opening of a crack.
            op = direction;
        }

        var opId = op?.Id;
        if (op?.Implies is { } implied)
        {
            if (function is null || function.Id == implied.Function)
            {
                function = catalog.FindFunction(implied.Function);
                opId = implied.Op;
            }
        }

        if (function is not null && opId is not null && Canonical(function, opId) is null
            && said.Where(o => Canonical(function, o.Id) is not null).MaxBy(o => o.Rank) is { } accepted)
        {
            // Two verbs in one call ("roof shade down plus turn ambient lighting on" split late): the one this function takes.
            opId = accepted.Id;
        }

        if (function is not null && opId is "up" or "down" && opWords is not null && DirectionSaid(opWords) is { } way && way != opId
            && function.Accepts(way) && !function.PhrasesOf(catalog.FindOperation(opId)!).Zh.Any(p => DirectionSaid(p) == way))
        {
            // The training data says 往上 and 往下 only in a window's own phrases, where they are inverted ("往上升" closes
            // it: down); the tagger carries that to every function ("温度往上调" read as down). Elsewhere, on a function
            // whose own phrases for the operation do not say it that way, they say their own direction.
            opId = way;
        }

        if (function is not null && opId is "max" or "min" or "crack" && function.Literal(opId) is double extent
            && said.FirstOrDefault(o => o.Rank == 1 && function.Literal(o.Id) is double) is { } verb
            && function.Literal(verb.Id) is double target && (opId is "crack" ? target < extent : target != extent))
        {
            // The verb says which way: "open the windows all the way" where "all the way" reads as the window's min
            // (closed) is an opening; "roll up the window a bit" where "a bit" reads as a crack (opened a little) is a
            // small move towards closed.
            opId = opId is "crack" && function.Accepts("down") ? "down" : verb.Id;
        }

        if (opId is null && delta is not null && value is null && deltaSpan is { } change && function is not null
            && RelativeVerbBefore(text, group, function, change.Start) is { } missedVerb)
        {
            // The up/down of an amount, said between the function and it, missed by the tagger ("massage up 25 %").
            opId = missedVerb;
        }

        if (opId is null or "set" && delta is not null && value is null && deltaSpan is { } amount)
        {
            // An amount with no up/down to apply it to is the target: "turn the heated seat to 2".
            value = ActionValue.FromNumber(delta.Value, amount);
            delta = null;
            opId = "set";
        }

        if (opId is "up" or "down" && delta is not null && value?.Span == deltaSpan)
        {
            // One number tagged both as the target and the amount ("brightness up 20"): after up/down it is the amount.
            value = null;
        }

        if (opId is "up" or "down" && delta is null && value is { Kind: ActionValueKind.Number or ActionValueKind.Level, Span: { } valueSpan })
        {
            // "volume up 10", "座椅加热调高两档": a number after a relative verb is the amount to change by, unless it
            // is introduced as the target ("turn it up to 24", "调高到二十四度").
            if (IsIntroducedAsTarget(text, valueSpan.Start))
            {
                opId = "set";
            }
            else
            {
                delta = value.Number;
                value = null;
            }
        }

        if (function is null)
        {
            // A follow-up: "再高一点", "close it too", "二十四度呢". The resolver supplies the function from context.
            if (opId is null or "set" && value is null)
            {
                why = "no function and no operation";
                return null;
            }

            // Without a function, "打开"/"open" and "关"/"close" cannot be told apart from "on"/"off"; keep one spelling
            // per meaning and let the resolver map it onto the context function (CallDecoder.Canonical).
            opId = opId switch
            {
                "open" => "on",
                "close" => "off",
                _ => opId ?? "set",
            };
            // A change up or down takes no free text: text tagged beside it is a remark's ("放心吧，提高一点点").
            return new ActionCall
            {
                Operation = opId, Zones = zones, Value = value, Delta = opId is "up" or "down" ? delta : null,
                Text = opId is "up" or "down" ? [] : texts, Confidence = confidence,
            };
        }

        // An ENUM value of another function than the named one ("氛围灯" names the light, "蓝色" its colour): the value
        // is more specific, so its function wins — unless the named function takes the number said with it ("音量设置1"
        // sets the volume: "设置" is the verb there, not the settings app).
        if (value is { Kind: ActionValueKind.Enum } ev && function.FindValue(ev.Symbol!) is null)
        {
            if (number is not null && function.Value.Type is CatalogValueType.Number or CatalogValueType.Level)
            {
                value = number;
            }
            else
            {
                var owner = group.Where(s => s.Class.StartsWith("ENUM:", StringComparison.Ordinal))
                    .Select(s => catalog.FindFunction(s.Class[5..s.Class.IndexOf('=', StringComparison.Ordinal)]))
                    .FirstOrDefault(f => f?.FindValue(ev.Symbol!) is not null);
                if (owner is null)
                {
                    why = $"{ev.Symbol} is not a value of {function.Id}";
                    return null;
                }

                function = owner;
            }
        }

        if (function.Value.Type == CatalogValueType.Level && value is { Kind: ActionValueKind.Number } lv)
        {
            value = ActionValue.FromLevel(lv.Number, lv.Span);
        }

        if (function.Value.Type == CatalogValueType.Number && function.Value.Levels.Count > 1 && value is { Kind: ActionValueKind.Number or ActionValueKind.Level } nv)
        {
            // A percent function with levels (fan, massage): a small whole number said without "%" is a level ("fan to 3"),
            // a level beyond the top one is a percentage ("massage to 40").
            var top = function.Value.Levels.Count - 1;
            var isLevel = nv.Number >= 1 && nv.Number <= top && nv.Number == Math.Floor(nv.Number)
                && !(nv.Span is { } ns && NumeralSpans.IsPercent(text, ns.Start, ns.Start + ns.Length));
            value = isLevel ? ActionValue.FromLevel(nv.Number, nv.Span) : ActionValue.FromNumber(nv.Number, nv.Span);
        }

        if (value is { Kind: ActionValueKind.Enum } && function.Accepts("set") && (opId is null or "on" or "open" || !function.Accepts(opId)))
        {
            // "打开导航" / "open the navigation app" / "switch to night mode": choosing a value is a set, and so is a value
            // said with a verb the function does not take ("跳到" misread as "max").
            opId = "set";
        }

        if (value is { Kind: ActionValueKind.Number or ActionValueKind.Level } && opId is "max" or "min" or "on" or "open" or "off" or "close" && function.Accepts("set"))
        {
            // "turn the fan to level 3", "seat heating on level 2": an explicit value is more specific than an
            // extreme or a switch read from the verb, and a switch-off said with a value is a verb of the request
            // beside it ("turn the heated seats off, then turn right rear blower to level five").
            opId = "set";
        }

        if (function.Ops.Count == 0)
        {
            opId = null;
        }
        else
        {
            opId = Canonical(function, opId);
            if (opId is null && value is { Kind: ActionValueKind.Number or ActionValueKind.Level, Span: { } amountSpan }
                && !IsIntroducedAsTarget(text, amountSpan.Start) && RelativeVerbBefore(text, group, function, amountSpan.Start) is { } relativeVerb)
            {
                // A number after an up/down the tagger missed ("volume up fifteen %") is the amount, as when it is tagged.
                (opId, delta, value) = (relativeVerb, value.Number, null);
            }

            if (opId is null && value is not null && function.Accepts("set"))
            {
                opId = "set";
            }

            opId ??= SaidOperation(text, region, group, function) ?? VerbEndingName(text, group, function) ?? Canonical(function, previousOp);
            if (opId is null)
            {
                why = $"{function.Id}: no operation it accepts";
                return null;
            }
        }

        if (opId is not null && value is null && function.Value.Type is CatalogValueType.Number or CatalogValueType.Level or CatalogValueType.Enum
            && NeedsValue(function, opId))
        {
            // A setting without its value ("座椅加热开到最高" read as set, "跳到…页面" split off its app): the words may
            // still say an extreme or a switch; otherwise there is nothing to set.
            opId = SaidOperation(text, region, group, function);
            if (opId is null)
            {
                why = $"{function.Id}: no value to set";
                return null;
            }
        }

        opId = opId is null ? null : function.CanonicalOperation(opId);
        if (function.Value.Type == CatalogValueType.Text && function.Value.Slot is { } slot)
        {
            if (!texts.TryGetValue(slot, out var free))
            {
                why = $"{function.Id}: missing {slot}";
                return null;
            }

            texts[slot] = SaidOnce(LastClause(WithAdjoiningNumbers(text, free, group)));
            if (slot == "place" && ScreenNamedAsPlace(text, texts[slot]) is var (screen, screenValue))
            {
                // "go to the phone", "just go to the media": nobody drives to "the phone"; "go to" opens the screen
                // of that name. Without the article a place stays one ("go home").
                return new ActionCall { Function = screen.Id, Operation = "set", Zones = [], Value = ActionValue.FromEnum(screenValue.Value, texts[slot]), Confidence = confidence };
            }
        }

        if (function.Zoning is null)
        {
            zones.Clear();
        }

        // Keep only the arguments this function takes (validation against the catalog).
        if (function.Value.Type is not (CatalogValueType.Number or CatalogValueType.Level or CatalogValueType.Enum))
        {
            value = null;
        }

        foreach (var slotName in texts.Keys.Where(k => k != function.Value.Slot).ToList())
        {
            texts.Remove(slotName);
        }

        return new ActionCall
        {
            Function = function.Id,
            Operation = opId,
            Zones = zones,
            Value = value,
            Delta = opId is "up" or "down" ? delta : null,
            Text = texts,
            Confidence = confidence,
        };
    }

    /// <summary>
    /// A zone word alone asks for nothing, unless it names a command said as a request of its own: the whole utterance
    /// ("back": go back), the last word after fillers ("um, back"), or, among other requests, the zone word itself
    /// ("sunshade up, then back"). Followed by other words it stays a zone ("the back one").
    /// </summary>
    private CatalogFunction? CommandSaidAsZone(string text, List<TaggedSpan> group, bool alone)
    {
        if (!group.All(s => s.Class.StartsWith("ZONE:", StringComparison.Ordinal)))
        {
            return null;
        }

        if (alone)
        {
            return CommandNamed(text) ?? (group is [var last] ? CommandNamed(text[last.Start..]) : null);
        }

        return group is [var only] ? CommandNamed(only.Text(text)) : null;
    }

    /// <summary>A function without value or operations named exactly by <paramref name="words"/> (end punctuation aside), or null.</summary>
    private CatalogFunction? CommandNamed(string words)
    {
        var said = words.Trim().Trim(['.', '!', '?', '。', '！', '？', '，', ',']);
        return catalog.Functions.FirstOrDefault(f => f.Value.Type == CatalogValueType.None && f.Ops.Count == 0
            && f.Zh.Concat(f.En).Contains(said, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The span widened over numeral words the tagger left out of it (<see cref="NumeralSpans.Widen"/>).</summary>
    private static TextSpan WholeNumber(string text, TextSpan span)
    {
        var (start, end) = NumeralSpans.Widen(text, span.Start, span.Start + span.Length);
        return start == span.Start && end == span.Start + span.Length ? span : new TextSpan(start, end - start, text[start..end]);
    }

    /// <summary>The text from where the first of two spans starts to where the later ends.</summary>
    private static TextSpan Union(string text, TextSpan a, TextSpan b)
    {
        var (start, end) = (Math.Min(a.Start, b.Start), Math.Max(a.Start + a.Length, b.Start + b.Length));
        return new TextSpan(start, end - start, text[start..end]);
    }

    /// <summary>
    /// A free-text argument widened over numbers tagged next to it ("pier 39", "7 eleven"): a function that takes text
    /// has no number to set, so a number touching its text is part of the name.
    /// </summary>
    private static TextSpan WithAdjoiningNumbers(string text, TextSpan free, List<TaggedSpan> group)
    {
        var (start, end) = (free.Start, free.Start + free.Length);
        var numbers = group.Where(s => s.Class is "NUM" or "LEVEL" or "DELTA").OrderBy(s => s.Start).ToList();
        foreach (var number in numbers)
        {
            if (number.Start >= end && text.AsSpan(end, number.Start - end).IsWhiteSpace())
            {
                end = number.End;
            }
        }

        for (var i = numbers.Count - 1; i >= 0; i--)
        {
            if (numbers[i].End <= start && text.AsSpan(numbers[i].End, start - numbers[i].End).IsWhiteSpace())
            {
                start = numbers[i].Start;
            }
        }

        return start == free.Start && end == free.Start + free.Length ? free : new TextSpan(start, end - start, text[start..end]);
    }

    /// <summary>
    /// The part of a free-text argument after its last clause break. No name, title or place is said across one, so
    /// words on both sides are a restart ("请打给妈，妈妈") or a remark run into the request ("饺子要蘸醋才好吃，呼叫一下妈妈");
    /// either way the last clause is the one meant, as with a number said twice.
    /// </summary>
    private static TextSpan LastClause(TextSpan free)
    {
        var said = free.Text.AsSpan().TrimEnd(ClauseBreakCharacters + " ");
        var cut = said.LastIndexOfAny(ClauseBreaks);
        if (cut < 0)
        {
            return free;
        }

        var rest = said[(cut + 1)..];
        var start = cut + 1 + (rest.Length - rest.TrimStart().Length);
        return new TextSpan(free.Start + start, said.Length - start, free.Text[start..said.Length]);
    }

    /// <summary>
    /// A free-text argument said twice in a row, said once ("drive to the bund the bund"). Halves of one character are
    /// left alone: Chinese doubles a character in a word ("妈妈", "奶奶").
    /// </summary>
    private static TextSpan SaidOnce(TextSpan free)
    {
        var said = free.Text.AsSpan();
        for (var half = 2; 2 * half <= said.Length; half++)
        {
            var gap = said[half..^half];
            if (gap.IsWhiteSpace() && said[..half].Equals(said[^half..], StringComparison.OrdinalIgnoreCase))
            {
                return new TextSpan(free.Start, half, free.Text[..half]);
            }
        }

        return free;
    }

    /// <summary>A span read as the verb "set" whose words are the whole name of one enum value, of the named function if any.</summary>
    private (CatalogFunction Owner, CatalogEnumValue Value, TextSpan Span)? NamedValueSaidAsSetVerb(string text, List<TaggedSpan> group, CatalogFunction? function)
    {
        foreach (var s in group.Where(s => s.Class == "OP:set"))
        {
            var said = s.Text(text).Trim();
            if (enumValuesByName.TryGetValue(said, out var named) && named is var (owner, value) && (function is null || function == owner))
            {
                return (owner, value, new TextSpan(s.Start, s.End - s.Start, s.Text(text)));
            }
        }

        return null;
    }

    /// <summary>A place said as "the" and the name of a screen ("the media", "the home"), the article in the span or before it.</summary>
    private (CatalogFunction Screen, CatalogEnumValue Value)? ScreenNamedAsPlace(string text, TextSpan place)
    {
        const string Article = "the ";
        var said = place.Text.AsSpan().Trim();
        var articled = said.StartsWith(Article, StringComparison.OrdinalIgnoreCase)
            || text.AsSpan(0, place.Start).TrimEnd().EndsWith(Article.TrimEnd(), StringComparison.OrdinalIgnoreCase);
        var name = said.StartsWith(Article, StringComparison.OrdinalIgnoreCase) ? said[Article.Length..].TrimStart() : said;
        return articled && enumValuesByName.TryGetValue(name.ToString(), out var named) && named.Owner.IsScreenTask && named.Owner.Accepts("set")
            ? named
            : null;
    }

    /// <summary>An operation that means nothing without a value: set, or switching an enum on ("open" an app).</summary>
    private static bool NeedsValue(CatalogFunction function, string op) =>
        op == "set" || (function.Value.Type == CatalogValueType.Enum && function.Literal(op) is null && op is "on" or "open");

    /// <summary>A verb the tagger missed ("massager on please"), said in the call's part of the utterance.</summary>
    private string? SaidOperation(string text, (int Start, int End) region, List<TaggedSpan> group, CatalogFunction function) =>
        phrases.Find(
            text,
            region.Start,
            region.End,
            [.. group.Where(s => !s.Class.StartsWith("ZONE:", StringComparison.Ordinal))],
            group.Where(s => s.Class.StartsWith("FN:", StringComparison.Ordinal)).Select(s => s.Start).DefaultIfEmpty(region.Start).First(),
            function,
            op => !NeedsValue(function, op));

    /// <summary>
    /// The verb at the end of a function's name, where the words before it are another of that function's names: "把门锁"
    /// is "门" and "锁" (lock), read as one name "门锁".
    /// </summary>
    private string? VerbEndingName(string text, List<TaggedSpan> group, CatalogFunction function)
    {
        foreach (var named in group.Where(s => s.Class == "FN:" + function.Id))
        {
            var said = named.Text(text).Trim();
            foreach (var operation in catalog.Operations.Where(o => function.Accepts(o.Id)))
            {
                var phrases = function.PhrasesOf(operation);
                if (phrases.Zh.Concat(phrases.En).FirstOrDefault(p => said.Length > p.Length && said.EndsWith(p, StringComparison.OrdinalIgnoreCase)
                    && function.Zh.Concat(function.En).Contains(said[..^p.Length].TrimEnd(), StringComparer.OrdinalIgnoreCase)) is not null)
                {
                    return operation.Id;
                }
            }
        }

        return null;
    }

    /// <summary>Whether the number is a lone "一" before a word of degree: 一点, 一下, 一些, 一丢丢, 一咪咪.</summary>
    private static bool SaysHowLittle(string text, TextSpan span) =>
        span.Text == "一" && span.Start + 1 < text.Length && text[span.Start + 1] is '点' or '下' or '些' or '丢' or '咪';

    /// <summary>"up" for words with 往上 (and not 往下), "down" for 往下 (and not 往上), null otherwise.</summary>
    private static string? DirectionSaid(string words) =>
        (words.Contains("往上", StringComparison.Ordinal), words.Contains("往下", StringComparison.Ordinal)) switch
        {
            (true, false) => "up",
            (false, true) => "down",
            _ => null,
        };

    /// <summary>"up" or "down" when the function takes it and one of its phrases is said between the function's name and a number.</summary>
    private string? RelativeVerbBefore(string text, List<TaggedSpan> group, CatalogFunction function, int numberStart)
    {
        var named = group.Where(s => s.Class.StartsWith("FN:", StringComparison.Ordinal) && s.End <= numberStart).Select(s => s.End).DefaultIfEmpty(-1).Max();
        return named >= 0 && SaidOperation(text, (named, numberStart), group, function) is { } op && op is "up" or "down" ? op : null;
    }

    private static bool IsIntroducedAsTarget(string text, int valueStart)
    {
        var before = text.AsSpan(0, valueStart).TrimEnd();
        return before.EndsWith('到') || before.EndsWith('至')
            || (before.EndsWith("to", StringComparison.OrdinalIgnoreCase) && (before.Length == 2 || !char.IsLetter(before[^3])));
    }

    private static void LogSoftmax(ReadOnlySpan<float> logits, Span<float> result)
    {
        var max = logits[0];
        foreach (var l in logits)
        {
            max = Math.Max(max, l);
        }

        var log = (float)LogSumExp(logits, max);
        for (var i = 0; i < logits.Length; i++)
        {
            result[i] = logits[i] - log;
        }
    }

    /// <summary>log Σ exp(logits), taken about their maximum <paramref name="max"/> so that nothing overflows.</summary>
    private static double LogSumExp(ReadOnlySpan<float> logits, double max)
    {
        double sum = 0;
        foreach (var l in logits)
        {
            sum += Math.Exp(l - max);
        }

        return max + Math.Log(sum);
    }
}
