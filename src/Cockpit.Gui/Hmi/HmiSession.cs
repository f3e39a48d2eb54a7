using Cockpit.Gui.Screens;

namespace Cockpit.Gui.Hmi;

/// <summary>
/// Everything the HMI remembers between actions. Actions run on a copy that replaces this one
/// only when the whole action succeeded, so a failed action changes nothing.
/// </summary>
internal sealed class HmiSession
{
    public HmiSession(string homeScreen)
    {
        ScreenId = homeScreen;
    }

    public string ScreenId { get; set; }

    /// <summary>The screens Back returns to, the last one on top.</summary>
    public List<string> BackStack { get; private init; } = [];

    public bool Bluetooth { get; set; }

    public bool Wifi { get; set; }

    public bool Playing { get; set; }

    public Track? Track { get; set; }

    public Place? Destination { get; set; }

    public Place? SelectedPlace { get; set; }

    public Contact? CallContact { get; set; }

    public Contact? SelectedContact { get; set; }

    /// <summary>List id → index of the first visible row.</summary>
    public Dictionary<string, int> FirstVisible { get; private init; } = new(StringComparer.Ordinal);

    /// <summary>Text field id → what has been typed.</summary>
    public Dictionary<string, string> Inputs { get; private init; } = new(StringComparer.Ordinal);

    public HmiSession Clone() => new(ScreenId)
    {
        BackStack = [.. BackStack],
        Bluetooth = Bluetooth,
        Wifi = Wifi,
        Playing = Playing,
        Track = Track,
        Destination = Destination,
        SelectedPlace = SelectedPlace,
        CallContact = CallContact,
        SelectedContact = SelectedContact,
        FirstVisible = new(FirstVisible, StringComparer.Ordinal),
        Inputs = new(Inputs, StringComparer.Ordinal),
    };

    /// <summary>Enters a screen afresh: its lists start at the top and its fields empty.</summary>
    public void Enter(ScreenDefinition screen)
    {
        ScreenId = screen.Id;
        foreach (var element in screen.Elements)
        {
            FirstVisible.Remove(element.Id);
            Inputs.Remove(element.Id);
        }
    }

    public bool IsTrue(string key) => key switch
    {
        StateKeys.SettingsBluetooth => Bluetooth,
        StateKeys.SettingsWifi => Wifi,
        StateKeys.MediaPlaying => Playing,
        StateKeys.MediaTrack => Track is not null,
        StateKeys.NavigationDestination => Destination is not null,
        StateKeys.PhoneContact => CallContact is not null,
        Conditions.NavigationSelected => SelectedPlace is not null,
        Conditions.PhoneSelected => SelectedContact is not null,
        _ => false,
    };
}
