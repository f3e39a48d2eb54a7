namespace Cockpit.Agent.Conversations;

/// <summary>How a turn ended (the outcomes of shared/eval/SCENARIOS.md, plus <see cref="Failed"/>).</summary>
internal enum TurnOutcome
{
    Done,
    Refused,
    NotUnderstood,
    Clarify,
    /// <summary>The car or the screen could not be reached; nothing was done.</summary>
    Failed,

    /// <summary>The occupant asked about the car, and the reply answers from its current state; nothing moved.</summary>
    Answered,
}
