namespace Cockpit.Gui.Screens;

/// <summary>A phone book entry.</summary>
internal sealed class Contact : ContentItem
{
    public string Number { get; init; } = string.Empty;
}
