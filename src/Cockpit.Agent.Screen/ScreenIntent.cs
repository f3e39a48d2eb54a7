namespace Cockpit.Agent.Screen;

/// <summary>A screen task grounded on the UI map: the goal, and what on the screen reaches it.</summary>
internal sealed class ScreenIntent
{
    /// <summary>The kind of goal.</summary>
    public required ScreenIntentKind Kind { get; init; }

    /// <summary>The HMI state key the goal is about, e.g. <c>phone.contact</c>; null for taps and back.</summary>
    public string? Key { get; init; }

    /// <summary>The app to bring to front (<see cref="ScreenIntentKind.OpenApp"/>).</summary>
    public string? App { get; init; }

    /// <summary>The switch position wanted (<see cref="ScreenIntentKind.Switch"/>).</summary>
    public bool Desired { get; init; }

    /// <summary>The tap that changes <see cref="Key"/> (a switch, a detail screen's button, or a list's rows).</summary>
    public UiEffect? Effect { get; init; }

    /// <summary>The content list to choose from.</summary>
    public UiList? List { get; init; }

    /// <summary>The row chosen by grounding, or null when the first row of a search is taken ("the nearest ...").</summary>
    public UiRow? Target { get; init; }

    /// <summary>Whether the nearest of a kind was asked for ("最近的充电站"): the search's first row is taken.</summary>
    public bool Nearest { get; init; }

    /// <summary>What to type into the list's search field.</summary>
    public string? SearchText { get; init; }

    /// <summary>What was asked for, as said (for replies).</summary>
    public string Asked { get; init; } = "";

    /// <summary>The element to tap (<see cref="ScreenIntentKind.Tap"/>).</summary>
    public string? TapElementId { get; init; }
}
