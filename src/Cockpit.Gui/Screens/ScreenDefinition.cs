namespace Cockpit.Gui.Screens;

/// <summary>One screen as the screen file declares it.</summary>
internal sealed class ScreenDefinition
{
    public string Id { get; init; } = string.Empty;

    /// <summary>The app the screen belongs to, reported as the state key <c>app</c>.</summary>
    public string App { get; init; } = string.Empty;

    public LocalizedText Title { get; init; } = LocalizedText.Empty;

    public IReadOnlyList<ElementDefinition> Elements { get; init; } = [];
}
