using Cockpit.Gui.Screens;

namespace Cockpit.Gui.Vehicle;

/// <summary>
/// The least the HMI needs from the vehicle service, as a token scope (<c>read:…</c>, <c>actuate:…</c>, <c>provide:…</c>):
/// read of every signal a label shows, actuate of every signal another element (switch, slider, button) sets, and what
/// the HMI drives beyond its screens: media playback and selection, the navigation destination, and the
/// now-playing sensors it provides.
/// </summary>
public static class HmiVehicleScope
{
    private static readonly string[] s_beyondScreens =
    [
        $"actuate:{VehicleLink.MediaAction}",
        $"actuate:{VehicleLink.MediaSelectedUri}",
        $"actuate:{VehicleLink.DestinationLatitude}",
        $"actuate:{VehicleLink.DestinationLongitude}",
        $"provide:{VehicleLink.MediaTrack}",
        $"provide:{VehicleLink.MediaArtist}",
    ];

    /// <summary>The scope for the screens <paramref name="options"/> name (their own file, or the embedded one).</summary>
    /// <param name="options">The HMI's options.</param>
    /// <returns>Space-separated scope entries.</returns>
    public static string For(GuiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var elements = ScreenFileReader.Load(options.ScreensFile, options.ContentFile).Screens.Values
            .SelectMany(screen => screen.Elements)
            .Where(element => element.Vss is not null)
            .ToList();
        var actuated = elements.Where(element => element.Role != ElementRole.Label).Select(element => element.Vss!.Path).ToHashSet(StringComparer.Ordinal);
        var read = elements.Select(element => element.Vss!.Path).Where(path => !actuated.Contains(path)); // actuate implies read
        return string.Join(' ', read.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(path => $"read:{path}")
            .Concat(actuated.Order(StringComparer.Ordinal).Select(path => $"actuate:{path}"))
            .Concat(s_beyondScreens));
    }
}
