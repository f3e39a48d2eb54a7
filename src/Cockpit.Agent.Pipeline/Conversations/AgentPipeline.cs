using Cockpit.Agent.Interactions;
using Cockpit.Agent.Replies;
using Cockpit.Agent.Screen;
using Cockpit.ServiceDefaults;
using Cockpit.Understanding;
using Cockpit.Understanding.Phrases;
using Cockpit.Understanding.Resolution;
using Cockpit.Vehicle.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cockpit.Agent.Conversations;

/// <summary>
/// One turn of a conversation, as a walk through the stages:
/// <list type="number">
/// <item><b>understand</b> — text → calls against the action catalog (MoLE model). No call → <c>not_understood</c>;
/// low confidence → <c>clarify</c>, asking whether to do what was understood ("您是想打开天窗吗？"); a yes in the next
/// turn carries it out, a no drops it.</item>
/// <item><b>resolve</b> — calls + speaking seat + the car's current values + the previous turn → VSS targets, or a
/// refusal that says why (out of range → the valid range). A follow-up with nothing to refer to → <c>clarify</c>.</item>
/// <item><b>execute</b> — each action's targets in one BatchActuate (all or nothing per action). The car's
/// interlocks (FAILED_PRECONDITION) and rejections (INVALID_ARGUMENT) become refusals; an unreachable car →
/// <c>failed</c>, with nothing changed.</item>
/// <item><b>reply</b> — the accepted targets are read back (one GetValues) and a short sentence in the occupant's
/// language says what the car confirmed: done, still moving ("正在打开主驾车窗"), or not confirmed — never a request
/// as done — or why not; a question about the car is answered from the values read in step 2, and nothing moves
/// (<c>answered</c>). Nothing understood is <c>not_understood</c>; a cancellation ("算了") is acknowledged as such.</item>
/// <item><b>log</b> — every turn becomes a durable interaction record, whatever its outcome.</item>
/// </list>
/// Thread-safe; turns of different conversations run concurrently.
/// </summary>
internal sealed class AgentPipeline(
    UtteranceUnderstander understander,
    ActionResolver resolver,
    VehicleClient vehicle,
    ConversationStore conversations,
    ReplyComposer replies,
    AnswerComposer answers,
    InteractionLog interactions,
    InteractionFeed feed,
    ScreenAgent screen,
    FeedbackTracker feedback,
    IOptions<AgentOptions> options,
    TimeProvider time,
    ILogger<AgentPipeline> logger)
{
    // TEMPORARY, until the understanding model has an intent for taking a request back: see IsCancellation.
    private static readonly IReadOnlyList<string> s_cancellations = PhraseBook.Replies.ListInAll("cancellations");

    // Everything a turn may change or be asked about: each function's actuators and states, and the readings.
    private readonly string[] _boundPaths = [.. understander.Catalog.AllPaths()
        .Concat(understander.Catalog.Functions.Where(f => f.StatePath is not null).SelectMany(f => f.Zoning is null
            ? [understander.Catalog.PathFor(f, null, f.StatePath)]
            : f.Zoning.Seats.Select(seat => understander.Catalog.PathFor(f, seat, f.StatePath))))
        .Concat(understander.Catalog.Readings.SelectMany(reading => reading.Paths))
        .Distinct(StringComparer.Ordinal)];

    /// <summary>Carries out one turn. Throws only for invalid requests (<see cref="ArgumentException"/>) or cancellation.</summary>
    public async Task<TurnResult> ConverseAsync(TurnRequest request, CancellationToken cancellationToken)
    {
        Validate(request);
        var started = time.GetTimestamp();
        var conversationId = string.IsNullOrEmpty(request.ConversationId) ? Guid.NewGuid().ToString("N") : request.ConversationId;

        // A turn that asked "do you want me to …?" leaves its request behind; a yes carries it out as understood then.
        var proposal = conversations.TakeProposal(conversationId);
        var answer = proposal is null ? null : ConfirmationAnswer.Read(request.Text);
        var understood = answer is true ? proposal! : understander.Understand(request.Text, request.Language, request.Seat);
        var language = answer is not null ? proposal!.Language : request.Language ?? understood.Language;
        var understanding = time.GetElapsedTime(started);

        TurnResult result;
        long? pending = null;
        if (answer is false)
        {
            result = Finish(TurnOutcome.NotUnderstood, []) with { Reply = ReplyComposer.Declined(language) };
        }
        else if (answer is null && FeedbackTracker.IsCorrection(request.Text))
        {
            result = Finish(TurnOutcome.Clarify, []) with { Reply = ReplyComposer.Correction(language) };
        }
        else if (!understood.IsActionable)
        {
            result = Finish(TurnOutcome.NotUnderstood, []) with { Reply = ReplyComposer.NotUnderstood(language, IsCancellation(request.Text)) };
        }
        else if (answer is null && understood.Confidence < options.Value.ClarifyBelowConfidence && !understood.IsQuestionOnly)
        {
            var question = await AskToConfirmAsync(understood, conversationId, language, cancellationToken);
            result = Finish(TurnOutcome.Clarify, []) with { Reply = question ?? replies.Compose(language, TurnOutcome.Clarify, []) };
        }
        else
        {
            // The intent is on record before the car can move, and once it may move the turn runs to its end (each
            // vehicle call has its own deadline) whatever the client does, so every change of the car has a record.
            pending = interactions.Begin(InteractionRecord.Pending(conversationId, language, request, understood));
            var (executed, previous) = await ExecuteAsync(understood, conversationId, language, CancellationToken.None);
            result = Finish(Decide(executed), executed) with { PreviousValues = previous };
        }

        var record = InteractionRecord.From(result, request, understood);
        result = result with { InteractionId = pending is { } id ? interactions.Complete(id, record) : interactions.Append(record) };
        Log.Turn(logger, conversationId, language, request.Text, result.Outcome, result.Total.TotalMilliseconds);
        feedback.Observe(request, result);
        feed.Publish(request, result);
        return result;

        TurnResult Finish(TurnOutcome outcome, IReadOnlyList<(ResolvedAction Action, ActionOutcome Outcome)> actions) => new()
        {
            ConversationId = conversationId,
            Text = request.Text,
            Language = language,
            Actions = [.. actions.Select(item => item.Outcome)],
            Outcome = outcome,
            Reply = replies.Compose(language, outcome, actions),
            Confidence = understood.Confidence,
            Understanding = understanding,
            Execution = time.GetElapsedTime(started) - understanding,
            Total = time.GetElapsedTime(started),
        };
    }

    /// <summary>Resolves what was understood too weakly to act on and, where all of it could be done, remembers it and
    /// returns the question that names it; null (ask the generic question) otherwise.</summary>
    private async Task<string?> AskToConfirmAsync(UnderstandingResult understood, string conversationId, string language, CancellationToken cancellationToken)
    {
        Dictionary<string, object?> current;
        try
        {
            current = await vehicle.GetValuesAsync(_boundPaths, cancellationToken);
        }
        catch (VehicleException error)
        {
            Log.VehicleUnreachable(logger, error.Message);
            return null;
        }

        var resolution = resolver.Resolve(understood.Calls, understood.SpeakingSeat, path => current.GetValueOrDefault(path), conversations.GetContext(conversationId));
        if (resolution.HasRefusal)
        {
            return null;
        }

        conversations.Propose(conversationId, understood);
        return replies.AskToConfirm(language, resolution.Actions);
    }

    private async Task<(List<(ResolvedAction, ActionOutcome)> Executed, Dictionary<string, object?> Previous)> ExecuteAsync(
        UnderstandingResult understood, string conversationId, string language, CancellationToken cancellationToken)
    {
        Dictionary<string, object?> current;
        try
        {
            current = await vehicle.GetValuesAsync(_boundPaths, cancellationToken);
        }
        catch (VehicleException error)
        {
            Log.VehicleUnreachable(logger, error.Message);
            return ([.. understood.Calls.Select(call => (new ResolvedAction { Call = call }, Failed(call, error.Outcome, error.Message, language)))], []);
        }

        var resolution = resolver.Resolve(understood.Calls, understood.SpeakingSeat, path => current.GetValueOrDefault(path), conversations.GetContext(conversationId));
        var executed = new List<(ResolvedAction, ActionOutcome)>(resolution.Actions.Count);
        foreach (var action in resolution.Actions)
        {
            executed.Add((action, action.IsQuery && action.Refusal is null
                ? new ActionOutcome(action.Function?.Id ?? action.Reading?.Id, action.Call.ToString(), [], ActionStatus.Answered, answers.Answer(action, path => current.GetValueOrDefault(path), language))
                : await ExecuteAsync(action, understood.Text, language, cancellationToken)));
        }

        if (executed.Any(item => item.Item2.Status == ActionStatus.Accepted))
        {
            conversations.Update(conversationId, resolution.Context);
            executed = await ReadBackAsync(executed, cancellationToken);
        }

        var previous = executed.Where(item => item.Item2.Status == ActionStatus.Accepted)
            .SelectMany(item => item.Item2.Targets)
            .DistinctBy(target => target.Path)
            .ToDictionary(target => target.Path, target => current.GetValueOrDefault(target.Path), StringComparer.Ordinal);
        return (executed, previous);
    }

    /// <summary>
    /// Reads back what the car reports for every accepted target (and the state a command drives: the sunroof's
    /// position) in one GetValues, under the vehicle calls' deadline, so that the reply says what the car confirmed
    /// rather than what was asked. A failed read leaves the outcomes without values: the reply then says the car did
    /// not confirm them, and the outcome stays what the car's acceptance made it.
    /// </summary>
    private async Task<List<(ResolvedAction, ActionOutcome)>> ReadBackAsync(List<(ResolvedAction Action, ActionOutcome Outcome)> executed, CancellationToken cancellationToken)
    {
        var paths = executed.Where(item => item.Outcome.Status == ActionStatus.Accepted)
            .SelectMany(item => replies.ConfirmingPaths(item.Action, item.Outcome.Targets))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (paths.Count == 0)
        {
            return executed;
        }

        try
        {
            var reported = await vehicle.GetValuesAsync(paths, cancellationToken);
            return [.. executed.Select(item => item.Outcome.Status == ActionStatus.Accepted && item.Outcome.Targets.Count > 0
                ? (item.Action, item.Outcome with { Reported = reported })
                : item)];
        }
        catch (VehicleException error)
        {
            Log.VehicleUnreachable(logger, error.Message);
            return executed;
        }
    }

    private async Task<ActionOutcome> ExecuteAsync(ResolvedAction action, string utterance, string language, CancellationToken cancellationToken)
    {
        var call = action.Call.ToString();
        if (action.Refusal is { } refusal)
        {
            return new ActionOutcome(action.Function?.Id, call, [], ActionStatus.Refused, refusal.Message.For(language))
            {
                NeedsClarification = refusal.Reason == RefusalReason.NeedsContext,
            };
        }

        if (action.Screen is { } task)
        {
            var done = await screen.RunAsync(task, utterance, language, cancellationToken);
            return new ActionOutcome(action.Function?.Id, call, [], done.Succeeded ? ActionStatus.Accepted : done.Unreachable ? ActionStatus.Failed : ActionStatus.Refused, done.Reason)
            {
                Detail = string.Join(" → ", done.Actions),
            };
        }

        var result = await vehicle.ActuateAsync([.. action.Targets.Select(target => (target.Path, target.Value))], cancellationToken);
        return result.Outcome switch
        {
            VehicleOutcome.Accepted => new ActionOutcome(action.Function?.Id, call, action.Targets, ActionStatus.Accepted, null),
            VehicleOutcome.Interlocked => new ActionOutcome(action.Function?.Id, call, action.Targets, ActionStatus.Refused, replies.InterlockReason(action, language)),
            VehicleOutcome.Refused => new ActionOutcome(action.Function?.Id, call, action.Targets, ActionStatus.Refused, ReplyComposer.RejectedReason(language, result.Reason)),
            _ => LogUnreachable(result) with { Targets = action.Targets },
        };

        ActionOutcome LogUnreachable(VehicleResult failed)
        {
            Log.VehicleUnreachable(logger, $"{failed.Outcome}: {failed.Reason}");
            return Failed(action.Call, failed.Outcome, failed.Reason, language);
        }
    }

    /// <summary>
    /// Whether an utterance that asked for nothing takes a request back ("把座椅加热打开，哦不对，算了", "never mind"), so the
    /// reply acknowledges it instead of asking again; the outcome stays not_understood (shared/eval/SCENARIOS.md).
    /// TEMPORARY: the one place the pipeline looks at words (Phrases/replies.json, cancellations), until the
    /// understanding model has an intent for a cancellation.
    /// </summary>
    internal static bool IsCancellation(string text) => s_cancellations.Any(word => text.Contains(word, StringComparison.OrdinalIgnoreCase));

    private static TurnOutcome Decide(IReadOnlyList<(ResolvedAction Action, ActionOutcome Outcome)> executed) =>
        executed.Any(item => item.Outcome.Status == ActionStatus.Accepted) ? TurnOutcome.Done
        : executed.Count > 0 && executed.All(item => item.Outcome.Status == ActionStatus.Answered) ? TurnOutcome.Answered
        : executed.Any(item => item.Outcome.NeedsClarification) ? TurnOutcome.Clarify
        : executed.Any(item => item.Outcome.Status == ActionStatus.Refused) ? TurnOutcome.Refused
        : executed.Any(item => item.Outcome.Status == ActionStatus.Failed) ? TurnOutcome.Failed
        : TurnOutcome.NotUnderstood;

    /// <summary>A call the car's or the screen's service did not carry out; a refusal of the agent's own credentials says so.</summary>
    private static ActionOutcome Failed(ActionCall call, VehicleOutcome outcome, string detail, string language) =>
        new(call.Function, call.ToString(), [], ActionStatus.Failed, ReplyComposer.FailedReason(language, outcome))
        {
            Detail = $"{outcome}: {InputText.Quote(detail)}",
        };

    private void Validate(TurnRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Text))
        {
            throw new ArgumentException("text: the utterance is empty", nameof(request));
        }

        if (request.Text.Length > options.Value.MaxTextLength)
        {
            throw new ArgumentException($"text: the utterance is {request.Text.Length} characters long; the limit is {options.Value.MaxTextLength}", nameof(request));
        }

        if (request.ConversationId is { } id && id.Length > options.Value.MaxConversationIdLength)
        {
            throw new ArgumentException($"conversation_id: {id.Length} characters long; the limit is {options.Value.MaxConversationIdLength}", nameof(request));
        }

        if (request.Language is not (null or "zh" or "en"))
        {
            throw new ArgumentException($"language: '{InputText.Quote(request.Language)}' is not supported (zh, en, or none)", nameof(request));
        }
    }
}
