using Cockpit.Can.Logging;
using Microsoft.Extensions.Options;

namespace Cockpit.Vehicle.Can;

/// <summary>
/// Replays <see cref="VehicleCanOptions.ReplayPath"/> into the car's bus once the service has started, keeping the
/// log's timing, as <c>canplayer</c> does: recorded request frames drive the simulated ECUs again, and recorded
/// status frames move the current values. A malformed log stops the replay with an error naming the line; the
/// service keeps running.
/// </summary>
internal sealed class CandumpReplayService(
    IServiceProvider services,
    IOptions<VehicleOptions> options,
    TimeProvider time,
    ILogger<CandumpReplayService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Can is not { Enabled: true, ReplayPath: { } path })
        {
            return;
        }

        var car = services.GetRequiredService<VehicleCan>(); // resolved only here: with CAN off it must not be built
        try
        {
            using var file = File.OpenText(path);
            var sent = await CandumpReplayer.ReplayAsync(new CandumpReader(file, path), car.Tap, keepTiming: true, time, stoppingToken).ConfigureAwait(false);
            Log.ReplayFinished(logger, path, sent);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception error) when (error is CandumpFormatException or IOException or UnauthorizedAccessException)
        {
            Log.ReplayFailed(logger, path, error.Message);
        }
    }
}
