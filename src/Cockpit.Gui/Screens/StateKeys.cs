namespace Cockpit.Gui.Screens;

/// <summary>The HMI state keys of shared/eval/SCENARIOS.md.</summary>
internal static class StateKeys
{
    public const string App = "app";
    public const string SettingsBluetooth = "settings.bluetooth";
    public const string SettingsWifi = "settings.wifi";
    public const string MediaPlaying = "media.playing";
    public const string MediaTrack = "media.track";
    public const string NavigationDestination = "navigation.destination";
    public const string PhoneContact = "phone.contact";

    public static IReadOnlyList<string> All { get; } =
        [App, SettingsBluetooth, SettingsWifi, MediaPlaying, MediaTrack, NavigationDestination, PhoneContact];

    /// <summary>The boolean keys a switch may toggle.</summary>
    public static IReadOnlySet<string> Toggles { get; } = new HashSet<string>(StringComparer.Ordinal) { SettingsBluetooth, SettingsWifi };
}
