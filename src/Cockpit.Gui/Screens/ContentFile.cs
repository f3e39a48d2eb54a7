namespace Cockpit.Gui.Screens;

/// <summary>The root of the content file: what the lists of the screens show.</summary>
internal sealed class ContentFile
{
    public const string FormatName = "cockpit.hmi.content/1";

    public string Format { get; init; } = string.Empty;

    /// <summary>Where the car is; places are listed by distance from here.</summary>
    public GeoPoint Position { get; init; } = new();

    public IReadOnlyList<Track> Tracks { get; init; } = [];

    public IReadOnlyList<Place> Places { get; init; } = [];

    public IReadOnlyList<Contact> Contacts { get; init; } = [];

    public IReadOnlyList<ContentItem> BluetoothDevices { get; init; } = [];

    public IReadOnlyList<ContentItem> WifiNetworks { get; init; } = [];
}
