namespace Cockpit.Gui.Screens;

/// <summary>The root of the screen file (docs/formats/hmi-screens.md).</summary>
internal sealed class ScreenFile
{
    public const string FormatName = "cockpit.hmi.screens/1";

    public string Format { get; init; } = string.Empty;

    public DisplaySize Display { get; init; } = new();

    /// <summary>App name → the id of its first screen.</summary>
    public IReadOnlyDictionary<string, string> Apps { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<ScreenDefinition> Screens { get; init; } = [];
}
