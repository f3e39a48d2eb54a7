using Cockpit.Gui.Screens;

namespace Cockpit.Gui.Hmi;

/// <summary>The screen as a person sees it at one moment; immutable, shared with every watcher.</summary>
internal sealed record ScreenSnapshot(
    string Id,
    string App,
    LocalizedText Title,
    IReadOnlyList<RenderedElement> Elements,
    long Version,
    bool VehicleAvailable,
    int Width,
    int Height);
