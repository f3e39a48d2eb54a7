namespace Cockpit.Agent.Conversations;

/// <summary>The agent's answer to one utterance.</summary>
internal sealed record TurnResult
{
    public required string ConversationId { get; init; }

    public required string Text { get; init; }

    public required string Language { get; init; }

    public IReadOnlyList<ActionOutcome> Actions { get; init; } = [];

    public required TurnOutcome Outcome { get; init; }

    public required string Reply { get; init; }

    /// <summary>The model's confidence in what it understood (0..1).</summary>
    public float Confidence { get; init; }

    public TimeSpan Understanding { get; init; }

    public TimeSpan Execution { get; init; }

    /// <summary>From the utterance handed to the agent to the last actuation accepted.</summary>
    public TimeSpan Total { get; init; }

    /// <summary>What each accepted target's signal held before this turn (for undo detection).</summary>
    public IReadOnlyDictionary<string, object?> PreviousValues { get; init; } = new Dictionary<string, object?>();

    /// <summary>The id of the interaction's record in the log (0 when it was not logged).</summary>
    public long InteractionId { get; init; }
}
