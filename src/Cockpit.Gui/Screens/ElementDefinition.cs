namespace Cockpit.Gui.Screens;

/// <summary>One element of a screen as the screen file declares it.</summary>
internal sealed class ElementDefinition
{
    public string Id { get; init; } = string.Empty;

    public ElementRole Role { get; init; }

    public LocalizedText Text { get; init; } = LocalizedText.Empty;

    /// <summary>x, y, width, height in display pixels; list items get theirs from the list.</summary>
    public IReadOnlyList<int> Bounds { get; init; } = [];

    /// <summary>A condition (see <see cref="Conditions"/>); the element is left out while it is false.</summary>
    public string? VisibleWhen { get; init; }

    /// <summary>A condition; the element is disabled while it is false.</summary>
    public string? EnabledWhen { get; init; }

    /// <summary>Switches: the condition that shows them on (otherwise their vehicle signal does).</summary>
    public string? Checked { get; init; }

    public VssBinding? Vss { get; init; }

    public double? Min { get; init; }

    public double? Max { get; init; }

    public double? Step { get; init; }

    public EffectDefinition? OnTap { get; init; }

    public EffectDefinition? OnLongPress { get; init; }

    /// <summary>Lists: the content the rows come from (tracks, places, contacts, bluetooth_devices, wifi_networks).</summary>
    public string? Source { get; init; }

    /// <summary>Lists: fixed rows instead of a source.</summary>
    public IReadOnlyList<ElementDefinition>? Items { get; init; }

    /// <summary>Lists: the height of one row in pixels.</summary>
    public int ItemHeight { get; init; }

    /// <summary>Lists with a source: what a tap on a row does.</summary>
    public EffectDefinition? ItemTap { get; init; }

    /// <summary>Text fields: the id of the list on the same screen whose rows they filter.</summary>
    public string? Filters { get; init; }
}
