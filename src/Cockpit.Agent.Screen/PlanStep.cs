namespace Cockpit.Agent.Screen;

/// <summary>The planner's answer for one step: act, stop because the goal holds, or give up saying why.</summary>
/// <param name="Action">The next action, or null.</param>
/// <param name="Done">Whether the goal holds.</param>
/// <param name="Failure">Why the task cannot be done, in the occupant's language.</param>
internal sealed record PlanStep(UiAction? Action, bool Done, string? Failure)
{
    /// <summary>The goal holds.</summary>
    public static PlanStep Finished { get; } = new(null, true, null);

    /// <summary>Take this action.</summary>
    public static PlanStep Act(UiAction action) => new(action, false, null);

    /// <summary>Give up.</summary>
    public static PlanStep Fail(string why) => new(null, false, why);
}
