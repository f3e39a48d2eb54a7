using Cockpit.Gui.Screens;

namespace Cockpit.Gui.Hmi;

/// <summary>Applies state keys given to Reset to a fresh session.</summary>
internal static class StateSeeder
{
    // The track goes before media.playing so that {"media.track": X, "media.playing": false} means X, paused.
    private static readonly string[] Order =
    [
        StateKeys.App, StateKeys.SettingsBluetooth, StateKeys.SettingsWifi, StateKeys.MediaTrack,
        StateKeys.MediaPlaying, StateKeys.NavigationDestination, StateKeys.PhoneContact,
    ];

    public static void Apply(HmiSession session, ScreenCatalog catalog, IReadOnlyDictionary<string, object> given)
    {
        foreach (var key in given.Keys)
        {
            if (!Order.Contains(key))
            {
                throw new HmiActionException(HmiErrorKind.InvalidArgument, $"unknown state key '{key}'; keys are {string.Join(", ", Order)}");
            }
        }

        foreach (var key in Order.Where(given.ContainsKey))
        {
            var value = given[key];
            switch (key)
            {
                case StateKeys.App:
                    var app = Text(key, value);
                    if (!catalog.Apps.ContainsKey(app))
                    {
                        throw new HmiActionException(HmiErrorKind.InvalidArgument, $"unknown app '{app}'; apps are {string.Join(", ", catalog.Apps.Keys)}");
                    }

                    Navigator.OpenApp(session, catalog, app);
                    break;
                case StateKeys.SettingsBluetooth:
                    session.Bluetooth = Flag(key, value);
                    break;
                case StateKeys.SettingsWifi:
                    session.Wifi = Flag(key, value);
                    break;
                case StateKeys.MediaTrack:
                    session.Track = Find(key, Text(key, value), catalog.Content.Tracks);
                    session.Playing = session.Track is not null;
                    break;
                case StateKeys.MediaPlaying:
                    session.Playing = Flag(key, value);
                    if (session.Playing)
                    {
                        session.Track ??= catalog.Content.Tracks[0];
                    }

                    break;
                case StateKeys.NavigationDestination:
                    session.Destination = Find(key, Text(key, value), catalog.Content.Places);
                    break;
                case StateKeys.PhoneContact:
                    session.CallContact = Find(key, Text(key, value), catalog.Content.Contacts);
                    break;
            }
        }
    }

    private static bool Flag(string key, object value) =>
        value as bool? ?? throw new HmiActionException(HmiErrorKind.InvalidArgument, $"state key '{key}' takes a bool");

    private static string Text(string key, object value) =>
        value as string ?? throw new HmiActionException(HmiErrorKind.InvalidArgument, $"state key '{key}' takes a string");

    private static T? Find<T>(string key, string name, IReadOnlyList<T> items)
        where T : ContentItem
    {
        if (name.Length == 0)
        {
            return null;
        }

        return items.FirstOrDefault(item => item.Name == name)
            ?? throw new HmiActionException(HmiErrorKind.NotFound, $"state key '{key}': no '{name}' in the content");
    }
}
