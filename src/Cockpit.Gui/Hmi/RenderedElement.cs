using Cockpit.Gui.Screens;

namespace Cockpit.Gui.Hmi;

/// <summary>An element as it looks now: text filled in, state applied, bounds placed.</summary>
internal sealed record RenderedElement
{
    public required string Id { get; init; }

    public required ElementRole Role { get; init; }

    public required LocalizedText Text { get; init; }

    public required ElementBounds Bounds { get; init; }

    public bool Enabled { get; init; } = true;

    /// <summary>Why the element is disabled, for error messages; null while enabled.</summary>
    public string? DisabledBy { get; init; }

    public bool Checked { get; init; }

    public double? Value { get; init; }

    public double? Min { get; init; }

    public double? Max { get; init; }

    public double? Step { get; init; }

    public string? Input { get; init; }

    public bool Scrollable { get; init; }

    public int FirstVisible { get; init; }

    public int ItemCount { get; init; }

    public string? ParentId { get; init; }

    public string? VssPath { get; init; }

    public bool Unavailable { get; init; }

    /// <summary>False for list items scrolled out of their list's viewport; those are not shown to clients.</summary>
    public bool InViewport { get; init; } = true;

    public required ElementDefinition Definition { get; init; }

    /// <summary>The list row behind a list item made from content.</summary>
    public ListRow? Row { get; init; }

    /// <summary>The list a source row belongs to, whose item_tap applies.</summary>
    public ElementDefinition? List { get; init; }
}
