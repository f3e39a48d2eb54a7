namespace Cockpit.Understanding.Model;

/// <summary>
/// Chooses how an utterance's spans split into calls: in the order said, numbered 1, 2, … (at most
/// <see cref="TagSet.MaxCalls"/>), maximising the call head's log-probability of the numbering, less
/// <see cref="UnbuildableCallCost"/> per call the catalog cannot carry out when calls are judged. The head alone, token by
/// token, let a span straddle two calls ("one#2 hundred#3") or a verb fall into the call before its function ("rear
/// shade#1 down#2").
/// </summary>
/// <param name="spanCount">How many spans the utterance has.</param>
/// <param name="scores">Per span, the summed log-probability of each call index over its tokens.</param>
/// <param name="build">Builds the call of spans [first, end) given the verb of the call before it.</param>
/// <param name="holdsTwoRequests">Whether spans [first, end) hold two requests, so that no call may be made of them when calls are
/// judged, however sure the call head is ("打开空调，打开座椅加热", a comma the head never saw between two calls).</param>
internal sealed class CallSearch(
    int spanCount, List<double[]> scores, Func<int, int, string?, (ActionCall? Call, string Why)> build, Func<int, int, bool> holdsTwoRequests)
{
    /// <summary>
    /// How much less likely a numbering of the spans may be, in nats, before a request that cannot be carried out (a
    /// function without a verb it takes, a verb cut off its function) is preferred to it: a call the catalog rejects is
    /// worth about as much as numbering one token against 95 % of the call head's belief.
    /// </summary>
    private const double UnbuildableCallCost = 3.0;

    private readonly Dictionary<(int First, int End, string? PreviousOp), (ActionCall? Call, string Why)> built = [];
    private readonly Dictionary<(int First, int Call, string? PreviousOp), (double Score, int End)> best = [];
    private bool judgeCalls;

    /// <summary>A call the utterance can be carried out with: a full call, or a follow-up said on its own.</summary>
    public static bool Usable(ActionCall? call, bool alone) => call is not null && (call.Function is not null || alone);

    /// <summary>The best split: each call's end (exclusive span index) and what it builds to.</summary>
    /// <param name="judgeCalls">Whether calls the catalog cannot carry out cost <see cref="UnbuildableCallCost"/>; without, the head's likeliest numbering.</param>
    public List<(int End, ActionCall? Call, string Why)> Best(bool judgeCalls)
    {
        this.judgeCalls = judgeCalls;
        best.Clear();
        var plan = new List<(int End, ActionCall? Call, string Why)>();
        string? previousOp = null;
        for (var (first, call) = (0, 1); first < spanCount; call++)
        {
            var end = Score(first, call, previousOp).End;
            var (made, why) = Build(first, end, previousOp);
            plan.Add((end, made, why));
            previousOp = made is null ? previousOp : made.Operation;
            first = end;
        }

        return plan;
    }

    /// <summary>The best score of spans[first..] when spans[first] opens call <paramref name="call"/>, and where that call ends.</summary>
    private (double Score, int End) Score(int first, int call, string? previousOp)
    {
        if (best.TryGetValue((first, call, previousOp), out var known))
        {
            return known;
        }

        var result = (Score: double.NegativeInfinity, End: spanCount);
        double head = 0;
        for (var end = first + 1; end <= spanCount; end++)
        {
            head += scores[end - 1][call];
            if ((end < spanCount && call == TagSet.MaxCalls) || (judgeCalls && holdsTwoRequests(first, end)))
            {
                continue;
            }

            var total = head;
            var op = previousOp;
            if (judgeCalls)
            {
                var (made, _) = Build(first, end, previousOp);
                total -= Usable(made, first == 0 && end == spanCount) ? 0 : UnbuildableCallCost;
                op = made is null ? previousOp : made.Operation;
            }

            if (end < spanCount)
            {
                total += Score(end, call + 1, op).Score;
            }

            if (total > result.Score)
            {
                result = (total, end);
            }
        }

        best[(first, call, previousOp)] = result;
        return result;
    }

    private (ActionCall? Call, string Why) Build(int first, int end, string? previousOp)
    {
        if (!built.TryGetValue((first, end, previousOp), out var made))
        {
            built[(first, end, previousOp)] = made = build(first, end, previousOp);
        }

        return made;
    }
}
