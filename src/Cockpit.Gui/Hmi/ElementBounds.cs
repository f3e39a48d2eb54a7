namespace Cockpit.Gui.Hmi;

/// <summary>An element's place on the display in pixels.</summary>
internal readonly record struct ElementBounds(int X, int Y, int Width, int Height);
