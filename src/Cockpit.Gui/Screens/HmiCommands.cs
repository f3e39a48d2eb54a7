namespace Cockpit.Gui.Screens;

/// <summary>The named commands a screen file may attach to an element.</summary>
internal static class HmiCommands
{
    public const string Back = "back";
    public const string MediaPlay = "media.play";
    public const string MediaPause = "media.pause";
    public const string MediaNext = "media.next";
    public const string MediaPrevious = "media.previous";
    public const string MediaPlayItem = "media.play_item";
    public const string NavigationSelect = "navigation.select";
    public const string NavigationStart = "navigation.start";
    public const string NavigationConfirm = "navigation.confirm";
    public const string NavigationStop = "navigation.stop";
    public const string PhoneSelect = "phone.select";
    public const string PhoneCall = "phone.call";
    public const string PhoneHangUp = "phone.hang_up";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        Back, MediaPlay, MediaPause, MediaNext, MediaPrevious, MediaPlayItem,
        NavigationSelect, NavigationStart, NavigationConfirm, NavigationStop,
        PhoneSelect, PhoneCall, PhoneHangUp,
    };

    /// <summary>Commands that act on the list row they are attached to (through <c>item_tap</c>).</summary>
    public static IReadOnlySet<string> ForRows { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        MediaPlayItem, NavigationSelect, PhoneSelect,
    };
}
