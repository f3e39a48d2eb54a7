using System.Collections.Concurrent;
using System.Net;
using System.Threading.Channels;
using Grpc.Core;
using Kuksa.Val.V2;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cockpit.Gui.Tests.Infrastructure;

/// <summary>
/// A stand-in for the vehicle service: kuksa.val.v2 VAL over HTTP/2 on 127.0.0.1, port 0, with
/// an in-memory signal table. Paths not in the table are unknown (NOT_FOUND).
/// </summary>
public sealed class FakeVehicle : VAL.VALBase, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Value> _values = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Path, Value Value)> _writes = new();
    private readonly List<Channel<(string Path, Value Value)>> _subscribers = [];
    private WebApplication? _app;

    public FakeVehicle()
    {
        Set("Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature", new Value { Float = 22f });
        Set("Vehicle.Cabin.HVAC.Station.Row1.Passenger.Temperature", new Value { Float = 21f });
        Set("Vehicle.Cabin.HVAC.Station.Row1.Driver.FanSpeed", new Value { Uint32 = 30 });
        Set("Vehicle.Cabin.HVAC.IsAirConditioningActive", new Value { Bool = false });
        Set("Vehicle.Cabin.HVAC.IsRecirculationActive", new Value { Bool = false });
        Set("Vehicle.Cabin.HVAC.IsFrontDefrosterActive", new Value { Bool = false });
        Set("Vehicle.Cabin.Infotainment.Media.Volume", new Value { Uint32 = 30 });
        Set("Vehicle.Cabin.Infotainment.Media.Action", new Value { String = "STOP" });
        Set("Vehicle.Cabin.Infotainment.Media.SelectedURI", new Value { String = string.Empty });
        Set("Vehicle.Cabin.Infotainment.Media.Played.Track", new Value { String = "晴天" });
        Set("Vehicle.Cabin.Infotainment.Media.Played.Artist", new Value { String = "周杰伦" });
        Set("Vehicle.Cabin.Infotainment.Navigation.DestinationSet.Latitude", new Value { Double = 0 });
        Set("Vehicle.Cabin.Infotainment.Navigation.DestinationSet.Longitude", new Value { Double = 0 });
    }

    public Uri Address { get; private set; } = new("http://127.0.0.1:1");

    /// <summary>Every accepted write (actuate and publish), in order.</summary>
    public IReadOnlyList<(string Path, Value Value)> Writes => [.. _writes];

    /// <summary>When set, Actuate answers with this status instead of taking the value.</summary>
    public StatusCode? RefuseActuateWith { get; set; }

    public static async Task<FakeVehicle> StartAsync()
    {
        var vehicle = new FakeVehicle();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Logging.ClearProviders();
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(vehicle);
        ListenOptions? grpc = null;
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => { listen.Protocols = HttpProtocols.Http2; grpc = listen; }));
        vehicle._app = builder.Build();
        vehicle._app.MapGrpcService<FakeVehicle>();
        await vehicle._app.StartAsync();
        vehicle.Address = new Uri($"http://127.0.0.1:{((IPEndPoint)grpc!.EndPoint).Port}");
        return vehicle;
    }

    public Value? Get(string path) => _values.TryGetValue(path, out var value) ? value : null;

    /// <summary>Changes a value as the car would (another client, an ECU) and notifies subscribers.</summary>
    public void Set(string path, Value value)
    {
        _values[path] = value;
        lock (_subscribers)
        {
            foreach (var subscriber in _subscribers)
                subscriber.Writer.TryWrite((path, value));
        }
    }

    public override Task<GetValueResponse> GetValue(GetValueRequest request, ServerCallContext context) =>
        Task.FromResult(new GetValueResponse { DataPoint = new Datapoint { Value = Known(request.SignalId.Path) } });

    public override async Task Subscribe(SubscribeRequest request, IServerStreamWriter<SubscribeResponse> responseStream, ServerCallContext context)
    {
        var first = new SubscribeResponse();
        foreach (var path in request.SignalPaths)
            first.Entries[path] = new Datapoint { Value = Known(path) };

        var channel = Channel.CreateUnbounded<(string Path, Value Value)>();
        lock (_subscribers)
            _subscribers.Add(channel);
        try
        {
            await responseStream.WriteAsync(first, context.CancellationToken);
            await foreach (var (path, value) in channel.Reader.ReadAllAsync(context.CancellationToken))
            {
                if (!request.SignalPaths.Contains(path))
                    continue;

                var update = new SubscribeResponse();
                update.Entries[path] = new Datapoint { Value = value };
                await responseStream.WriteAsync(update, context.CancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            lock (_subscribers)
                _subscribers.Remove(channel);
        }
    }

    public override Task<BatchActuateResponse> BatchActuate(BatchActuateRequest request, ServerCallContext context)
    {
        if (RefuseActuateWith is { } code)
            throw new RpcException(new Status(code, "refused by the test"));

        foreach (var actuate in request.ActuateRequests)
            Known(actuate.SignalId.Path);
        foreach (var actuate in request.ActuateRequests)
        {
            _writes.Enqueue((actuate.SignalId.Path, actuate.Value));
            Set(actuate.SignalId.Path, actuate.Value);
        }

        return Task.FromResult(new BatchActuateResponse());
    }

    public override Task<PublishValueResponse> PublishValue(PublishValueRequest request, ServerCallContext context)
    {
        Known(request.SignalId.Path);
        _writes.Enqueue((request.SignalId.Path, request.DataPoint.Value));
        Set(request.SignalId.Path, request.DataPoint.Value);
        return Task.FromResult(new PublishValueResponse());
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            lock (_subscribers)
            {
                foreach (var subscriber in _subscribers)
                    subscriber.Writer.TryComplete();
            }

            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private Value Known(string path) =>
        _values.TryGetValue(path, out var value) ? value : throw new RpcException(new Status(StatusCode.NotFound, $"unknown signal {path}"));
}
