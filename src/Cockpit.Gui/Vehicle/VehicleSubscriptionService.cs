using Cockpit.Gui.Screens;
using Cockpit.Vehicle.Client;
using Microsoft.Extensions.Options;

namespace Cockpit.Gui.Vehicle;

/// <summary>
/// Keeps one kuksa.val.v2 subscription to every signal the screens show, reconnecting after
/// <see cref="GuiOptions.ReconnectDelay"/> while the vehicle service is away.
/// </summary>
internal sealed class VehicleSubscriptionService(
    VehicleLink link,
    ScreenCatalog catalog,
    IOptions<GuiOptions> options,
    TimeProvider timeProvider,
    ILogger<VehicleSubscriptionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (link.Client is not { } client)
        {
            Log.VehicleNotConfigured(logger);
            return;
        }

        var paths = catalog.VssPaths.Append(VehicleLink.MediaAction).Append(VehicleLink.MediaTrack).Distinct(StringComparer.Ordinal).ToList();
        while (!stoppingToken.IsCancellationRequested && paths.Count > 0)
        {
            try
            {
                await ReadAsync(client, paths, stoppingToken);
            }
            catch (VehicleException ex) when (ex.Outcome is VehicleOutcome.NotFound or VehicleOutcome.Forbidden)
            {
                // One unknown (or, for the HMI's token, unreadable) path fails the whole subscription; find it, drop it, keep the rest.
                if (await DropUnknownAsync(client, paths, stoppingToken) > 0)
                {
                    continue;
                }
            }
            catch (VehicleException ex) when (!stoppingToken.IsCancellationRequested)
            {
                if (link.IsAvailable)
                {
                    Log.VehicleLost(logger, link.Address!, ex.Reason);
                }
                else
                {
                    Log.VehicleUnreachable(logger, link.Address!, ex.Reason);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // The host is stopping: the stream ends as Cancelled, which is no failure of this service.
                return;
            }

            link.SetAvailable(false);
            try
            {
                await Task.Delay(options.Value.ReconnectDelay, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task ReadAsync(VehicleClient client, List<string> paths, CancellationToken stoppingToken)
    {
        var initial = true;
        await foreach (var values in client.SubscribeAsync(paths, stoppingToken))
        {
            if (!link.IsAvailable)
            {
                Log.VehicleConnected(logger, link.Address!, paths.Count);
                link.SetAvailable(true);
            }

            foreach (var (path, value) in values)
            {
                link.OnRemoteValue(path, value, initial);
            }

            initial = false;
        }
    }

    private async Task<int> DropUnknownAsync(VehicleClient client, List<string> paths, CancellationToken stoppingToken)
    {
        var before = paths.Count;
        foreach (var path in paths.ToArray())
        {
            try
            {
                await client.GetValuesAsync([path], stoppingToken);
            }
            catch (VehicleException ex) when (ex.Outcome == VehicleOutcome.NotFound)
            {
                Log.VehicleSignalUnknown(logger, path);
                paths.Remove(path);
            }
            catch (VehicleException ex) when (ex.Outcome == VehicleOutcome.Forbidden)
            {
                Log.VehicleSignalDenied(logger, path, ex.Reason);
                paths.Remove(path);
            }
        }

        return before - paths.Count;
    }
}
