namespace Cockpit.Gui.Screens;

/// <summary>A song of the music library.</summary>
internal sealed class Track : ContentItem
{
    public LocalizedText Artist { get; init; } = LocalizedText.Empty;
}
