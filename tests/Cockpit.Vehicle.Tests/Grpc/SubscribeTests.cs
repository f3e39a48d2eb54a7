using System.Diagnostics;
using Cockpit.Testing;
using Cockpit.Vehicle.V1;
using Grpc.Core;
using Kuksa.Val.V2;
using Microsoft.Extensions.DependencyInjection;

namespace Cockpit.Vehicle.Tests.Grpc;

public sealed class SubscribeTests : IAsyncLifetime
{
    private const string DriverWindow = "Vehicle.Cabin.Door.Row1.DriverSide.Window.Position";
    private const string DriverTemperature = "Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature";
    private const string AirConditioning = "Vehicle.Cabin.HVAC.IsAirConditioningActive";

    private VehicleServiceHost _host = null!;

    public async Task InitializeAsync() => _host = await VehicleServiceHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Subscribe_FirstMessage_HoldsEveryCurrentValue()
    {
        using var call = _host.Val.Subscribe(new SubscribeRequest { SignalPaths = { DriverTemperature, AirConditioning, "Vehicle.Speed" } });

        var first = await call.ResponseStream.ReadNextAsync();

        Assert.Equal([AirConditioning, DriverTemperature, "Vehicle.Speed"], first.Entries.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(22f, first.Entries[DriverTemperature].Value.Float);
        Assert.False(first.Entries[AirConditioning].Value.Bool);
        Assert.Equal(0f, first.Entries["Vehicle.Speed"].Value.Float);
        Assert.Empty(_host.Logs.Errors);
    }

    [Fact]
    public async Task Subscribe_WindowMovingDuringSettle_SeesEveryIntermediatePositionInOrder()
    {
        using var call = _host.Val.Subscribe(new SubscribeRequest { SignalPaths = { DriverWindow }, BufferSize = 200 });
        await call.ResponseStream.ReadNextAsync(); // the current value: the subscription is in place

        await _host.Val.ActuateAsync(Wire.Actuate(DriverWindow, Wire.Uint(100)));
        await _host.Simulation.SettleAsync(new SettleRequest());
        var messages = await call.ResponseStream.ReadUntilAsync(message => message.Entries[DriverWindow].Value.Uint32 == 100);

        var positions = messages.Select(message => message.Entries[DriverWindow].Value.Uint32).ToList();
        Assert.Equal(80, positions.Count); // 4 s of travel in 50 ms ticks, one whole-percent step each
        Assert.Equal(1u, positions[0]);
        Assert.Equal(100u, positions[^1]);
        Assert.All(positions.Zip(positions.Skip(1)), pair => Assert.True(pair.First < pair.Second, $"{pair.First} then {pair.Second}"));
        Assert.Empty(_host.Logs.Errors);
    }

    [Fact]
    public async Task SubscribeById_SetPointChanged_StreamsByIdLikeSubscribe()
    {
        var metadata = await _host.Val.ListMetadataAsync(new ListMetadataRequest { Root = DriverTemperature });
        var id = metadata.Metadata.Single().Id;
        using var call = _host.Val.SubscribeById(new SubscribeByIdRequest { SignalIds = { id } });
        var first = await call.ResponseStream.ReadNextAsync();

        await _host.Val.ActuateAsync(Wire.Actuate(DriverTemperature, Wire.Float(25.5f)));
        var next = await call.ResponseStream.ReadNextAsync();

        Assert.Equal(22f, first.Entries[id].Value.Float);
        Assert.Equal([id], next.Entries.Keys);
        Assert.Equal(25.5f, next.Entries[id].Value.Float);
        Assert.Empty(_host.Logs.Errors);
    }

    [Fact]
    public async Task Subscribe_BatchActuate_ArrivesAsOneMessage()
    {
        using var call = _host.Val.Subscribe(new SubscribeRequest { SignalPaths = { DriverTemperature, AirConditioning } });
        await call.ResponseStream.ReadNextAsync();

        await _host.Val.BatchActuateAsync(new BatchActuateRequest
        {
            ActuateRequests = { Wire.Actuate(AirConditioning, Wire.Bool(true)), Wire.Actuate(DriverTemperature, Wire.Float(19)) },
        });
        var next = await call.ResponseStream.ReadNextAsync();

        Assert.True(next.Entries[AirConditioning].Value.Bool);
        Assert.Equal(19f, next.Entries[DriverTemperature].Value.Float);
        Assert.Empty(_host.Logs.Errors);
    }

    [Fact]
    public async Task Subscribe_FilterDuration_EndsTheStreamWithOk()
    {
        var stopwatch = Stopwatch.StartNew();
        using var call = _host.Val.Subscribe(new SubscribeRequest
        {
            SignalPaths = { DriverTemperature },
            Filter = new Filter { DurationMs = 200 },
        });

        var messages = await call.ResponseStream.ReadAllAsync().ToListAsync();

        Assert.Single(messages);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
        Assert.InRange(stopwatch.Elapsed, TimeSpan.FromMilliseconds(150), TimeSpan.FromSeconds(10));
        Assert.Empty(_host.Logs.Errors);
    }

    public static TheoryData<SubscribeRequest, StatusCode, string> InvalidRequests => new()
    {
        { new SubscribeRequest { SignalPaths = { DriverTemperature, "Vehicle.Teleporter" } }, StatusCode.NotFound, "Vehicle.Teleporter: no such signal" },
        { new SubscribeRequest { SignalPaths = { DriverTemperature }, BufferSize = 1001 }, StatusCode.InvalidArgument, "buffer_size 1001 exceeds the maximum of 1000" },
        { new SubscribeRequest(), StatusCode.InvalidArgument, "the request names no signal" },
        { new SubscribeRequest { SignalPaths = { "" } }, StatusCode.InvalidArgument, "the signal path is empty" },
    };

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public async Task Subscribe_InvalidRequest_FailsWithCodeAndMessage(SubscribeRequest request, StatusCode code, string message)
    {
        using var call = _host.Val.Subscribe(request);

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext());

        Assert.Equal((code, message), (error.StatusCode, error.Status.Detail));
        Assert.Empty(_host.Logs.Errors);
        Assert.Equal(0, _host.Services.GetRequiredService<Signals.SignalStore>().SubscriptionCount);
    }

    [Fact]
    public async Task SubscribeById_UnknownId_NotFound()
    {
        using var call = _host.Val.SubscribeById(new SubscribeByIdRequest { SignalIds = { 4711 } });

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext());

        Assert.Equal((StatusCode.NotFound, "#4711: no such signal"), (error.StatusCode, error.Status.Detail));
        Assert.Empty(_host.Logs.Errors);
    }

    [Fact]
    public async Task Subscribe_ClientCancels_SubscriptionIsRemoved()
    {
        var store = _host.Services.GetRequiredService<Signals.SignalStore>();
        using (var call = _host.Val.Subscribe(new SubscribeRequest { SignalPaths = { DriverTemperature } }))
        {
            await call.ResponseStream.ReadNextAsync();
            Assert.Equal(1, store.SubscriptionCount);
        }

        // The server learns of the cancellation asynchronously; a change makes the pump notice at once.
        var deadline = Stopwatch.StartNew();
        while (store.SubscriptionCount > 0 && deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            await _host.Val.ActuateAsync(Wire.Actuate(DriverTemperature, Wire.Float(20 + deadline.ElapsedMilliseconds % 2)));
            await Task.Yield();
        }

        Assert.Equal(0, store.SubscriptionCount);
        Assert.Empty(_host.Logs.Errors);
    }
}
