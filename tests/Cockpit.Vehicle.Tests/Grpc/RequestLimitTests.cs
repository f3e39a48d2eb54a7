using Cockpit.Testing;
using Cockpit.Vehicle.V1;
using Grpc.Core;
using Kuksa.Val.V2;

namespace Cockpit.Vehicle.Tests.Grpc;

/// <summary>Requests past the service's input limits fail with a clear status before any signal is touched.</summary>
public sealed class RequestLimitTests : IAsyncLifetime
{
    private const string DriverTemperature = "Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature";

    private VehicleServiceHost _host = null!;

    public async Task InitializeAsync() => _host = await VehicleServiceHost.StartAsync(options =>
    {
        options.MaxSignalsPerRequest = 3;
        options.MaxSubscriptions = 2;
        options.MaxSubscriptionsPerCaller = 2;
        options.ReservedSubscriptions = 0;
        options.MaxReceiveMessageSize = 4096;
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task GetValues_MoreSignalsThanAllowed_InvalidArgument()
    {
        var request = new GetValuesRequest { SignalIds = { Enumerable.Repeat(Wire.Path("Vehicle.Speed"), 4) } };

        var error = await Assert.ThrowsAsync<RpcException>(() => _host.Val.GetValuesAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("the request names 4 signals; at most 3 are allowed (Vehicle:MaxSignalsPerRequest)", error.Status.Detail);
    }

    [Fact]
    public async Task BatchActuate_MoreSignalsThanAllowed_InvalidArgumentAndNothingMoves()
    {
        var request = new BatchActuateRequest { ActuateRequests = { Enumerable.Range(0, 4).Select(_ => Wire.Actuate(DriverTemperature, Wire.Float(30))) } };

        var error = await Assert.ThrowsAsync<RpcException>(() => _host.Val.BatchActuateAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(22f, (await _host.Val.GetValueAsync(new GetValueRequest { SignalId = Wire.Path(DriverTemperature) })).DataPoint.Value.Float);
    }

    [Fact]
    public async Task SetSignals_MoreSignalsThanAllowed_InvalidArgument()
    {
        var request = new SetSignalsRequest();
        foreach (var path in new[] { "Vehicle.Speed", DriverTemperature, "Vehicle.Cabin.HVAC.Station.Row1.Passenger.Temperature", "Vehicle.Cabin.HVAC.IsAirConditioningActive" })
        {
            request.Values[path] = path == "Vehicle.Cabin.HVAC.IsAirConditioningActive" ? Wire.Bool(true) : Wire.Float(20);
        }

        var error = await Assert.ThrowsAsync<RpcException>(() => _host.Simulation.SetSignalsAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task Subscribe_MoreSubscriptionsThanAllowed_ResourceExhaustedUntilOneCloses()
    {
        var request = new SubscribeRequest { SignalPaths = { "Vehicle.Speed" } };
        var first = _host.Val.Subscribe(request);
        using var second = _host.Val.Subscribe(request);
        await first.ResponseStream.ReadNextAsync();
        await second.ResponseStream.ReadNextAsync();

        using var other = _host.CreateChannel(VehicleTestKeys.Issue("read", "other"));
        using var third = new VAL.VALClient(other).Subscribe(request);
        var error = await Assert.ThrowsAsync<RpcException>(() => third.ResponseStream.ReadNextAsync());
        first.Dispose();
        using var fourth = await SubscribeWhenFreeAsync(request);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Equal("'other': the vehicle service serves 2 subscriptions already (Vehicle:MaxSubscriptions); close one and try again", error.Status.Detail);
        Assert.Equal(0f, fourth.ResponseStream.Current.Entries["Vehicle.Speed"].Value.Float);
    }

    [Fact]
    public async Task GetValues_MessageLargerThanAllowed_ResourceExhausted()
    {
        var request = new GetValuesRequest { SignalIds = { Wire.Path(new string('x', 5000)) } };

        var error = await Assert.ThrowsAsync<RpcException>(() => _host.Val.GetValuesAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    /// <summary>A cancelled subscription leaves the service a moment after the client closes it.</summary>
    private async Task<AsyncServerStreamingCall<SubscribeResponse>> SubscribeWhenFreeAsync(SubscribeRequest request)
    {
        for (var attempt = 0; ; attempt++)
        {
            var call = _host.Val.Subscribe(request);
            try
            {
                await call.ResponseStream.ReadNextAsync();
                return call;
            }
            catch (RpcException error) when (error.StatusCode == StatusCode.ResourceExhausted && attempt < 50)
            {
                call.Dispose();
                await Task.Delay(50);
            }
        }
    }
}
