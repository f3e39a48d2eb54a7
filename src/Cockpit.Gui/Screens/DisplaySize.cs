namespace Cockpit.Gui.Screens;

/// <summary>The size of the simulated display in pixels.</summary>
internal sealed class DisplaySize
{
    public int Width { get; init; }

    public int Height { get; init; }
}
