using System.Text.Json;
using Cockpit.Agent.Conversations;
using Cockpit.Understanding;
using Cockpit.Vehicle.Client;

namespace Cockpit.Agent.Interactions;

/// <summary>One logged interaction (see docs/formats/interaction-log.md).</summary>
internal sealed record InteractionRecord
{
    public long Id { get; init; }

    public DateTimeOffset Time { get; init; }

    public string ConversationId { get; init; } = "";

    public string Seat { get; init; } = "driver";

    public string Language { get; init; } = "";

    /// <summary><c>text</c> or <c>voice</c>.</summary>
    public string Source { get; init; } = "text";

    public double? AudioMs { get; init; }

    public string Transcript { get; init; } = "";

    public double? AsrConfidence { get; init; }

    /// <summary>The model's calls, one per line.</summary>
    public string ModelOutput { get; init; } = "";

    public double ModelConfidence { get; init; }

    /// <summary>The actions and what became of each, as JSON.</summary>
    public string Actions { get; init; } = "[]";

    public string Outcome { get; init; } = "";

    public string Reply { get; init; } = "";

    public double UnderstandingMs { get; init; }

    public double ExecutionMs { get; init; }

    public double TotalMs { get; init; }

    /// <summary><c>correct</c>, <c>incorrect</c>, or null when unknown.</summary>
    public string? Label { get; init; }

    /// <summary>Where the label came from: <c>eval</c> (ground truth) or <c>feedback</c> (the occupant's reaction).</summary>
    public string? LabelSource { get; init; }

    /// <summary>The domain of the first action, e.g. <c>climate</c>, for per-domain accuracy.</summary>
    public string Domain { get; init; } = "";

    public static InteractionRecord From(TurnResult result, TurnRequest request, UnderstandingResult understood) =>
        Pending(result.ConversationId, result.Language, request, understood) with
    {
        Actions = JsonSerializer.Serialize(result.Actions.Select(action => new
        {
            function = action.Function,
            call = action.Call,
            targets = action.Targets.Select(target => new { path = target.Path, value = KuksaValues.Format(target.Value) }),
            status = action.Status.ToString().ToLowerInvariant(),
            reason = action.Reason,
            detail = action.Detail,
        })),
        Outcome = OutcomeName(result.Outcome),
        Reply = result.Reply,
        UnderstandingMs = result.Understanding.TotalMilliseconds,
        ExecutionMs = result.Execution.TotalMilliseconds,
        TotalMs = result.Total.TotalMilliseconds,
        Domain = (result.Actions.Count > 0 ? result.Actions[0].Function : null)?.Split('.')[0] ?? "",
    };

    /// <summary>
    /// What a turn is about to do, written before the car can move: the calls understood, outcome <c>pending</c>. The
    /// finished turn replaces it (<see cref="InteractionLog.Complete"/>); one still pending when the log opens is marked
    /// <c>interrupted</c>.
    /// </summary>
    public static InteractionRecord Pending(string conversationId, string language, TurnRequest request, UnderstandingResult understood) => new()
    {
        ConversationId = conversationId,
        Seat = request.Seat.ToId(),
        Language = language,
        Source = request.Voice is null ? "text" : "voice",
        AudioMs = request.Voice?.AudioDuration.TotalMilliseconds,
        AsrConfidence = request.Voice?.Confidence,
        Transcript = request.Text,
        ModelOutput = string.Join('\n', understood.Calls.Select(call => call.ToString())),
        ModelConfidence = understood.Confidence,
        Outcome = PendingOutcome,
    };

    /// <summary>The outcome of a record whose turn has not finished.</summary>
    public const string PendingOutcome = "pending";

    /// <summary>The outcome of a record whose turn never finished (the agent stopped mid-turn).</summary>
    public const string InterruptedOutcome = "interrupted";

    /// <summary>The outcome's name as SCENARIOS.md spells it.</summary>
    public static string OutcomeName(TurnOutcome outcome) => outcome switch
    {
        TurnOutcome.Done => "done",
        TurnOutcome.Refused => "refused",
        TurnOutcome.NotUnderstood => "not_understood",
        TurnOutcome.Clarify => "clarify",
        TurnOutcome.Answered => "answered",
        _ => "failed",
    };
}
