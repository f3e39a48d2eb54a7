namespace Cockpit.Gui.Screens;

/// <summary>The checked screen and content files, indexed for the engine.</summary>
internal sealed class ScreenCatalog
{
    public const string Tracks = "tracks";
    public const string Places = "places";
    public const string Contacts = "contacts";
    public const string BluetoothDevices = "bluetooth_devices";
    public const string WifiNetworks = "wifi_networks";

    private readonly Dictionary<string, IReadOnlyList<ListRow>> _rows;

    public ScreenCatalog(ScreenFile screens, ContentFile content, Dictionary<string, IReadOnlyList<ListRow>> rows)
    {
        Width = screens.Display.Width;
        Height = screens.Display.Height;
        Apps = screens.Apps;
        Screens = screens.Screens.ToDictionary(screen => screen.Id, StringComparer.Ordinal);
        Content = content;
        _rows = rows;
        VssPaths = screens.Screens
            .SelectMany(screen => screen.Elements)
            .Select(element => element.Vss?.Path)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToArray();
    }

    public static IReadOnlySet<string> Sources { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        Tracks, Places, Contacts, BluetoothDevices, WifiNetworks,
    };

    public int Width { get; }

    public int Height { get; }

    /// <summary>App name → the id of its first screen.</summary>
    public IReadOnlyDictionary<string, string> Apps { get; }

    public IReadOnlyDictionary<string, ScreenDefinition> Screens { get; }

    public ContentFile Content { get; }

    /// <summary>Every VSS path an element is bound to.</summary>
    public IReadOnlyList<string> VssPaths { get; }

    /// <summary>The screen the HMI starts on and goes to on Home.</summary>
    public string HomeScreen => Apps["home"];

    public IReadOnlyList<ListRow> Rows(string source) => _rows[source];
}
