using Cockpit.Understanding.Resolution;

namespace Cockpit.Agent.Conversations;

/// <summary>What became of one understood call.</summary>
/// <param name="Function">The catalog function, when known.</param>
/// <param name="Call">The call as understood, for logs.</param>
/// <param name="Targets">The VSS targets it resolved to.</param>
/// <param name="Status">Whether the vehicle service accepted it.</param>
/// <param name="Reason">Why it was refused or failed, or the answer to a question, in the occupant's language.</param>
internal sealed record ActionOutcome(string? Function, string Call, IReadOnlyList<VssTarget> Targets, ActionStatus Status, string? Reason)
{
    /// <summary>The refusal asks a question back (e.g. a follow-up with nothing to refer to).</summary>
    public bool NeedsClarification { get; init; }

    /// <summary>Technical detail of a failure, for logs (not for the occupant).</summary>
    public string? Detail { get; init; }

    /// <summary>What the car reported for the targets (and the state a command drives) once they were carried out, path →
    /// value; null when nothing was read back or the read failed. The reply says these, not the targets asked for.</summary>
    public IReadOnlyDictionary<string, object?>? Reported { get; init; }
}

/// <summary>The fate of one action.</summary>
internal enum ActionStatus
{
    Accepted,
    Refused,
    Failed,

    /// <summary>A question about the car, answered from its current state (<see cref="ActionOutcome.Reason"/> is the answer).</summary>
    Answered,
}
