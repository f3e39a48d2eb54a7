using Cockpit.Testing;
using Kuksa.Val.V2;

namespace Cockpit.Vehicle.Tests.Simulation;

/// <summary>The simulated media player skips whatever it is doing, as real players do: stopped (a fresh car), paused, playing.</summary>
public sealed class MediaPlayerTests : IAsyncLifetime
{
    private const string Action = "Vehicle.Cabin.Infotainment.Media.Action";
    private const string Track = "Vehicle.Cabin.Infotainment.Media.Played.Track";
    private const string Artist = "Vehicle.Cabin.Infotainment.Media.Played.Artist";

    private VehicleServiceHost _host = null!;

    public async Task InitializeAsync() => _host = await VehicleServiceHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("", "SKIP_FORWARD", "Shake It Off", "Taylor Swift")]        // stopped, as a fresh car is
    [InlineData("PLAY STOP", "SKIP_FORWARD", "Shake It Off", "Taylor Swift")] // paused
    [InlineData("PLAY", "SKIP_FORWARD", "Shake It Off", "Taylor Swift")]      // playing
    [InlineData("", "SKIP_BACKWARD", "小幸运", "田馥甄")]                        // from the first track round to the last
    [InlineData("PLAY STOP", "SKIP_BACKWARD", "小幸运", "田馥甄")]
    [InlineData("STOP SKIP_FORWARD", "SKIP_FORWARD", "七里香", "周杰伦")]        // one skip after another while stopped
    public async Task Actuate_SkipInAnyPlayerState_MovesThroughThePlaylist(string before, string skip, string track, string artist)
    {
        foreach (var action in before.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            await _host.Val.ActuateAsync(Wire.Actuate(Action, Wire.String(action)));
        }

        await _host.Val.ActuateAsync(Wire.Actuate(Action, Wire.String(skip)));

        Assert.Equal((track, artist), ((await Current(Track)).String, (await Current(Artist)).String));
        Assert.Empty(_host.Logs.Errors);
    }

    private async Task<Value> Current(string path) =>
        (await _host.Val.GetValueAsync(new GetValueRequest { SignalId = Wire.Path(path) })).DataPoint.Value;
}
