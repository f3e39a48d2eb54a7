namespace Cockpit.Gui.Screens;

/// <summary>
/// A thing a list shows. <see cref="Name"/> is what the state keys report (the original title,
/// the name as saved), <see cref="Text"/> what the screen shows in each language.
/// </summary>
internal class ContentItem
{
    public string Id { get; init; } = string.Empty;

    public string Name { get; init; } = string.Empty;

    public LocalizedText Text { get; init; } = LocalizedText.Empty;
}
