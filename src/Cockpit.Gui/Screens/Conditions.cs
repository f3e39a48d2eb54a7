namespace Cockpit.Gui.Screens;

/// <summary>
/// The conditions a screen file may use in <c>visible_when</c>, <c>enabled_when</c> and
/// <c>checked</c>: a key, true when its value is true or a non-empty name, or "!" and a key.
/// </summary>
internal static class Conditions
{
    /// <summary>True while the vehicle service answers.</summary>
    public const string Vehicle = "vehicle";

    /// <summary>The place opened in the navigation's place screen.</summary>
    public const string NavigationSelected = "navigation.selected";

    /// <summary>The contact opened in the phone's contact screen.</summary>
    public const string PhoneSelected = "phone.selected";

    public static IReadOnlySet<string> Keys { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        StateKeys.SettingsBluetooth, StateKeys.SettingsWifi, StateKeys.MediaPlaying, StateKeys.MediaTrack,
        StateKeys.NavigationDestination, StateKeys.PhoneContact, Vehicle, NavigationSelected, PhoneSelected,
    };

    public static bool IsKnown(string condition) => Keys.Contains(KeyOf(condition));

    public static string KeyOf(string condition) => condition.StartsWith('!') ? condition[1..] : condition;

    public static bool Evaluate(string? condition, Func<string, bool> isTrue)
    {
        if (condition is null)
        {
            return true;
        }

        return condition.StartsWith('!') ? !isTrue(condition[1..]) : isTrue(condition);
    }
}
