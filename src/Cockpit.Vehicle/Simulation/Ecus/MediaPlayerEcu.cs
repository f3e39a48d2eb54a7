using Cockpit.Vehicle.Vss;

namespace Cockpit.Vehicle.Simulation.Ecus;

/// <summary>
/// The media player behind <c>Media.Action</c>: PLAY and STOP are remembered, SKIP_FORWARD and
/// SKIP_BACKWARD move through a small playlist and update the <c>Played.*</c> sensors, whether the player is
/// playing, paused or stopped, as real players do (tests/Cockpit.Vehicle.Tests/Simulation/MediaPlayerTests.cs).
/// </summary>
internal sealed class MediaPlayerEcu(VssCatalog catalog) : EcuModel
{
    /// <summary>The playlist of a fresh car; the first track is the one loaded at start.</summary>
    public static readonly IReadOnlyList<(string Track, string Artist, string Album)> Playlist =
    [
        ("晴天", "周杰伦", "叶惠美"),
        ("Shake It Off", "Taylor Swift", "1989"),
        ("七里香", "周杰伦", "七里香"),
        ("Yellow", "Coldplay", "Parachutes"),
        ("小幸运", "田馥甄", "我的少女时代"),
    ];

    private readonly VssEntry _action = catalog.Get("Vehicle.Cabin.Infotainment.Media.Action");
    private readonly VssEntry _track = catalog.Get("Vehicle.Cabin.Infotainment.Media.Played.Track");
    private readonly VssEntry _artist = catalog.Get("Vehicle.Cabin.Infotainment.Media.Played.Artist");
    private readonly VssEntry _album = catalog.Get("Vehicle.Cabin.Infotainment.Media.Played.Album");

    public override bool Handles(VssEntry actuator) => actuator == _action;

    public override void Accept(VssEntry actuator, object value, EcuState store)
    {
        var step = (string)value switch
        {
            "SKIP_FORWARD" => 1,
            "SKIP_BACKWARD" => -1,
            _ => 0,
        };
        var changes = new List<(VssEntry, object?)> { (_action, value) };
        if (step != 0)
        {
            var index = IndexOf(store.GetValue(_track) as string);
            var (track, artist, album) = Playlist[(index + step + Playlist.Count) % Playlist.Count];
            changes.AddRange([(_track, track), (_artist, artist), (_album, album)]);
        }

        store.Publish(changes, notifyUnchanged: true);
    }

    private static int IndexOf(string? track)
    {
        for (var index = 0; index < Playlist.Count; index++)
        {
            if (Playlist[index].Track == track)
            {
                return index;
            }
        }

        return -1; // an unknown track (set by the HMI) skips to the start of the playlist
    }
}
