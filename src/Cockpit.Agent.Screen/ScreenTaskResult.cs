namespace Cockpit.Agent.Screen;

/// <summary>How a screen task ended.</summary>
/// <param name="Succeeded">Whether the task's goal holds on the HMI.</param>
/// <param name="Reason">
/// When it failed, why, in the occupant's language, e.g. "通讯录里没有找到张三" / "I couldn't find a contact named Bob".
/// </param>
/// <param name="Steps">Actions taken on the HMI, refused ones included.</param>
/// <param name="Actions">The actions, human-readable, e.g. <c>tap settings.menu.bluetooth</c>.</param>
internal sealed record ScreenTaskResult(bool Succeeded, string? Reason, int Steps, IReadOnlyList<string> Actions)
{
    /// <summary>The HMI could not be asked (away, or it refused the agent's credentials): the task failed rather than was refused.</summary>
    public bool Unreachable { get; init; }
}
