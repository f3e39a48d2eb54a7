using System.Text.Json;
using System.Threading.Channels;
using Cockpit.Console.Car;
using Cockpit.Console.Upstream;
using Cockpit.Vehicle.Client;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cockpit.Console.Web;

/// <summary>
/// The page's one live stream (<c>/console/api/events</c>, server-sent events) merged from three gRPC streams, one of
/// each service per open page: <c>car</c> (kuksa.val.v2 Subscribe to <see cref="CarSignals.Paths"/>: every value first,
/// then each change), <c>screen</c> (the HMI's WatchScreen: the screen now, then each change) and <c>turn</c> (the
/// agent's WatchInteractions: every turn as it completes). <c>status</c> says when a service's stream is in place
/// (<c>available: true</c>) or failed (<c>false</c>, with the status); a failed stream is opened again after
/// <see cref="ConsoleOptions.ReconnectDelay"/>. The stream ends when the page goes or the host stops.
/// </summary>
internal sealed class ConsoleEventStream(ConsoleClients clients, IOptions<ConsoleOptions> options, IHostApplicationLifetime lifetime, ILogger<ConsoleEventStream> logger)
{

    private delegate Task Follow(Func<string, object, ValueTask> send, CancellationToken cancellationToken);

    public async Task StreamAsync(HttpContext context)
    {
        context.Response.ContentType = "text/event-stream; charset=utf-8";
        context.Response.Headers.CacheControl = "no-cache";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);

        // Waiting writers hold their gRPC stream back, so a slow page slows its own streams, never the services.
        var events = Channel.CreateBounded<(string Name, object Data)>(new BoundedChannelOptions(64) { SingleReader = true });
        var value = options.Value;
        var pumps = Task.WhenAll(
            PumpAsync("vehicle", value.VehicleAddress, FollowCarAsync, events.Writer, stop.Token),
            PumpAsync("hmi", value.HmiAddress, FollowScreenAsync, events.Writer, stop.Token),
            PumpAsync("agent", value.AgentAddress, FollowTurnsAsync, events.Writer, stop.Token));
        try
        {
            await context.Response.WriteAsync(": cockpit console\n\n", stop.Token);
            await context.Response.Body.FlushAsync(stop.Token);
            await foreach (var (name, data) in events.Reader.ReadAllAsync(stop.Token))
            {
                await context.Response.WriteAsync($"event: {name}\ndata: {JsonSerializer.Serialize(data, ConsoleJson.Options)}\n\n", stop.Token);
                await context.Response.Body.FlushAsync(stop.Token);
            }
        }
        catch (Exception error) when (error is OperationCanceledException or IOException)
        {
            // The page went away or the host stops.
        }
        finally
        {
            await stop.CancelAsync();
            await pumps;
        }
    }

    private async Task FollowCarAsync(Func<string, object, ValueTask> send, CancellationToken cancellationToken)
    {
        var first = true;
        await foreach (var values in clients.Vehicle.SubscribeAsync(CarSignals.Paths, cancellationToken))
        {
            if (first)
            {
                await send("status", new { Service = "vehicle", Available = true });
                first = false;
            }

            await send("car", ConsoleViews.Car(values));
        }
    }

    private async Task FollowScreenAsync(Func<string, object, ValueTask> send, CancellationToken cancellationToken)
    {
        using var call = clients.Hmi.WatchScreen(new Hmi.V1.WatchScreenRequest(), cancellationToken: cancellationToken);
        var first = true;
        await foreach (var screen in call.ResponseStream.ReadAllAsync(cancellationToken))
        {
            if (first)
            {
                await send("status", new { Service = "hmi", Available = true });
                first = false;
            }

            await send("screen", ConsoleViews.Screen(screen));
        }
    }

    private async Task FollowTurnsAsync(Func<string, object, ValueTask> send, CancellationToken cancellationToken)
    {
        using var call = clients.Agent.WatchInteractions(new Agent.V1.WatchInteractionsRequest(), cancellationToken: cancellationToken);

        // The agent sends its headers once the watch is in place: from then on no turn is missed.
        await call.ResponseHeadersAsync;
        await send("status", new { Service = "agent", Available = true });
        await foreach (var interaction in call.ResponseStream.ReadAllAsync(cancellationToken))
        {
            await send("turn", ConsoleViews.Turn(interaction.Turn, interaction.Time?.ToDateTimeOffset(), interaction.Seat));
        }
    }

    /// <summary>Follows one service's stream, again after each failure or end, until <paramref name="cancellationToken"/> fires.</summary>
    private async Task PumpAsync(string service, string address, Follow follow, ChannelWriter<(string, object)> events, CancellationToken cancellationToken)
    {
        var failed = false;
        ValueTask Send(string name, object data)
        {
            if (failed && name == "status")
            {
                failed = false;
                Log.StreamRecovered(logger, service, address);
            }

            return events.WriteAsync((name, data), cancellationToken);
        }

        var delay = options.Value.ReconnectDelay;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await follow(Send, cancellationToken);
            }
            catch (RpcException error) when (!cancellationToken.IsCancellationRequested)
            {
                Log.StreamFailed(logger, service, address, error.StatusCode, error.Status.Detail, delay.TotalMilliseconds);
                failed = true;
                // A page that is not reading misses this; the next status tells it where the stream stands.
                events.TryWrite(("status", new { Service = service, Available = false, Message = UpstreamProblem.Describe(error) }));
            }
            catch (VehicleException error) when (!cancellationToken.IsCancellationRequested)
            {
                Log.CarStreamFailed(logger, address, error.Outcome, error.Reason, delay.TotalMilliseconds);
                failed = true;
                events.TryWrite(("status", new { Service = service, Available = false, Message = $"{error.Outcome}: {error.Reason}" }));
            }
            catch (Exception error) when (cancellationToken.IsCancellationRequested && error is OperationCanceledException or RpcException or VehicleException)
            {
                return;
            }

            try
            {
                await Task.Delay(delay, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
