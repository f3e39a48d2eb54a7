using Cockpit.Gui.Screens;
using Cockpit.Gui.Vehicle;

namespace Cockpit.Gui.Hmi;

/// <summary>
/// The named commands of the screen file (<see cref="HmiCommands"/>): media, guidance and calls.
/// What they drive on the car (Media.*, Navigation.DestinationSet.*) is written best effort, so
/// the HMI keeps working without the vehicle service.
/// </summary>
internal sealed class CommandRunner(ScreenCatalog catalog, VehicleLink vehicle)
{
    public async Task<(bool Wrote, string Summary)> RunAsync(HmiSession session, string command, ListRow? row, CancellationToken cancellationToken)
    {
        switch (command)
        {
            case HmiCommands.Back:
                return (false, Navigator.Back(session) ? $"back to {session.ScreenId}" : "nothing to go back to");
            case HmiCommands.MediaPlay:
                await PlayAsync(session, session.Track ?? catalog.Content.Tracks[0], cancellationToken);
                return (true, $"playing {session.Track!.Name}");
            case HmiCommands.MediaPause:
                session.Playing = false;
                await vehicle.TryActuateAsync([(VehicleLink.MediaAction, "STOP")], cancellationToken);
                return (true, "paused");
            case HmiCommands.MediaNext or HmiCommands.MediaPrevious:
                var tracks = catalog.Content.Tracks;
                var index = session.Track is null ? 0 : tracks.ToList().IndexOf(session.Track);
                var step = command == HmiCommands.MediaNext ? 1 : -1;
                await PlayAsync(session, tracks[(index + step + tracks.Count) % tracks.Count], cancellationToken);
                return (true, $"playing {session.Track!.Name}");
            case HmiCommands.MediaPlayItem:
                await PlayAsync(session, (Track)row!.Item, cancellationToken);
                return (true, $"playing {session.Track!.Name}");
            case HmiCommands.NavigationSelect:
                session.SelectedPlace = (Place)row!.Item;
                Navigator.Open(session, catalog, "navigation.place");
                return (false, $"showing place {session.SelectedPlace.Name}");
            case HmiCommands.NavigationStart when session.Destination is not null && session.Destination != session.SelectedPlace:
                Navigator.Open(session, catalog, "navigation.confirm");
                return (false, "asking to replace the current destination");
            case HmiCommands.NavigationStart or HmiCommands.NavigationConfirm:
                return (true, await StartGuidanceAsync(session, cancellationToken));
            case HmiCommands.NavigationStop:
                session.Destination = null;
                return (false, "guidance ended");
            case HmiCommands.PhoneSelect:
                session.SelectedContact = (Contact)row!.Item;
                Navigator.Open(session, catalog, "phone.contact");
                return (false, $"showing contact {session.SelectedContact.Name}");
            case HmiCommands.PhoneCall:
                session.CallContact = session.SelectedContact;
                Navigator.Open(session, catalog, "phone.call");
                return (false, $"calling {session.CallContact!.Name}");
            case HmiCommands.PhoneHangUp:
                var who = session.CallContact?.Name;
                session.CallContact = null;
                Navigator.OpenApp(session, catalog, "phone");
                return (false, $"call with {who} ended");
            default:
                throw new InvalidOperationException($"command '{command}' passed the screen file check but has no implementation");
        }
    }

    private async Task PlayAsync(HmiSession session, Track track, CancellationToken cancellationToken)
    {
        session.Track = track;
        session.Playing = true;

        // Played.Track is a sensor the head unit provides; the actuators ask the car to play it.
        await vehicle.TryActuateAsync(
            [(VehicleLink.MediaSelectedUri, $"cockpit:track:{track.Id}"), (VehicleLink.MediaAction, "PLAY")],
            cancellationToken);
        await vehicle.TryPublishAsync(VehicleLink.MediaTrack, track.Name, cancellationToken);
        // The artist in the language of the title, as the car's own player reports it ("晴天", "周杰伦").
        var artist = track.Name.Any(c => c >= '\u2E80') ? track.Artist.Zh : track.Artist.En;
        await vehicle.TryPublishAsync(VehicleLink.MediaArtist, artist, cancellationToken);
    }

    private async Task<string> StartGuidanceAsync(HmiSession session, CancellationToken cancellationToken)
    {
        var place = session.SelectedPlace!;
        session.Destination = place;
        Navigator.OpenApp(session, catalog, "navigation");
        await vehicle.TryActuateAsync(
            [(VehicleLink.DestinationLatitude, place.Latitude), (VehicleLink.DestinationLongitude, place.Longitude)],
            cancellationToken);
        return $"guiding to {place.Name}";
    }
}
