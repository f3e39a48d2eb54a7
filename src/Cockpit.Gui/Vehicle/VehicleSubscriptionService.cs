using Cockpit.Gui.Screens;
using Grpc.Core;
using Kuksa.Val.V2;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
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
            catch (RpcException ex) when (ex.StatusCode is StatusCode.NotFound or StatusCode.PermissionDenied)
            {
                // One unknown (or, for the HMI's token, unreadable) path fails the whole subscription; find it, drop it, keep the rest.
                if (await DropUnknownAsync(client, paths, stoppingToken) > 0)
                    continue;
            }
            catch (RpcException ex) when (!stoppingToken.IsCancellationRequested)
            {
                if (link.IsAvailable)
                    Log.VehicleLost(logger, link.Address!, ex.Status.Detail);
                else
                    Log.VehicleUnreachable(logger, link.Address!, ex.Status.Detail);
            }
            catch (Exception ex) when (ex is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled } && stoppingToken.IsCancellationRequested)
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

    private async Task ReadAsync(VAL.VALClient client, List<string> paths, CancellationToken stoppingToken)
    {
        var request = new SubscribeRequest();
        request.SignalPaths.AddRange(paths);
        using var call = client.Subscribe(request, cancellationToken: stoppingToken);
        var initial = true;
        while (await call.ResponseStream.MoveNext(stoppingToken))
        {
            if (!link.IsAvailable)
            {
                Log.VehicleConnected(logger, link.Address!, paths.Count);
                link.SetAvailable(true);
            }

            foreach (var (path, point) in call.ResponseStream.Current.Entries)
                link.OnRemoteValue(path, VehicleValues.FromValue(point.Value), initial);
            initial = false;
        }
    }

    private async Task<int> DropUnknownAsync(VAL.VALClient client, List<string> paths, CancellationToken stoppingToken)
    {
        var before = paths.Count;
        foreach (var path in paths.ToArray())
        {
            try
            {
                await client.GetValueAsync(
                    new GetValueRequest { SignalId = new SignalID { Path = path } },
                    deadline: DateTime.UtcNow + link.Timeout,
                    cancellationToken: stoppingToken);
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
            {
                Log.VehicleSignalUnknown(logger, path);
                paths.Remove(path);
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.PermissionDenied)
            {
                Log.VehicleSignalDenied(logger, path, ex.Status.Detail);
                paths.Remove(path);
            }
        }

        return before - paths.Count;
    }
}
