using Cockpit.Testing;
using Cockpit.Vehicle.V1;
using Grpc.Core;
using Kuksa.Val.V2;

namespace Cockpit.Vehicle.Tests.Grpc;

/// <summary>Doors and trunk open only at (near) standstill, forwards or in reverse; the rule is enforced inside the vehicle service.</summary>
public sealed class InterlockTests : IAsyncLifetime
{
    private VehicleServiceHost _host = null!;

    public async Task InitializeAsync() => _host = await VehicleServiceHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    //          signal                                         value  speed  allowed
    [InlineData("Vehicle.Body.Trunk.Rear.IsOpen",               true,  0f,    true)]
    [InlineData("Vehicle.Body.Trunk.Rear.IsOpen",               true,  3f,    true)]
    [InlineData("Vehicle.Body.Trunk.Rear.IsOpen",               true,  3.1f,  false)]
    [InlineData("Vehicle.Body.Trunk.Rear.IsOpen",               true,  80f,   false)]
    [InlineData("Vehicle.Body.Trunk.Rear.IsOpen",               true,  -3f,   true)]
    [InlineData("Vehicle.Body.Trunk.Rear.IsOpen",               true,  -3.1f, false)]
    [InlineData("Vehicle.Body.Trunk.Rear.IsOpen",               true,  -50f,  false)]
    [InlineData("Vehicle.Cabin.Door.Row1.PassengerSide.IsOpen", true,  -50f,  false)]
    [InlineData("Vehicle.Cabin.Door.Row1.DriverSide.IsOpen",    true,  40f,   false)]
    [InlineData("Vehicle.Cabin.Door.Row2.PassengerSide.IsOpen", true,  40f,   false)]
    [InlineData("Vehicle.Cabin.Door.Row2.PassengerSide.IsOpen", false, 40f,   true)]
    [InlineData("Vehicle.Cabin.Door.Row1.DriverSide.IsLocked",  true,  120f,  true)]
    public async Task Actuate_OpeningWhileMoving_OnlyAtStandstill(string path, bool value, float speed, bool allowed)
    {
        await SetSpeed(speed);

        var call = _host.Val.ActuateAsync(Wire.Actuate(path, Wire.Bool(value))).ResponseAsync;

        if (allowed)
        {
            await call;
            await _host.Simulation.SettleAsync(new SettleRequest());
            Assert.Equal(value, (await _host.Val.GetValueAsync(new GetValueRequest { SignalId = Wire.Path(path) })).DataPoint.Value.Bool);
        }
        else
        {
            var error = await Assert.ThrowsAsync<RpcException>(() => call);
            Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
            Assert.Equal($"{path}: cannot open while the vehicle is moving (speed {speed:0.#} km/h, allowed up to 3 km/h in either direction)", error.Status.Detail);
            await _host.Simulation.SettleAsync(new SettleRequest());
            var state = await _host.Simulation.GetStateAsync(new GetStateRequest());
            Assert.False(state.Signals[path].Current.Value.Bool);
            Assert.False(state.Signals[path].Target.Bool);
        }
    }

    [Fact]
    public async Task BatchActuate_TrunkWhileMoving_NothingElseMovesEither()
    {
        await SetSpeed(50);
        var request = new BatchActuateRequest
        {
            ActuateRequests =
            {
                Wire.Actuate("Vehicle.Cabin.Door.Row1.DriverSide.Window.Position", Wire.Uint(100)),
                Wire.Actuate("Vehicle.Body.Trunk.Rear.IsOpen", Wire.Bool(true)),
            },
        };

        var error = await Assert.ThrowsAsync<RpcException>(() => _host.Val.BatchActuateAsync(request).ResponseAsync);
        await _host.Simulation.SettleAsync(new SettleRequest());

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        var window = await _host.Val.GetValueAsync(new GetValueRequest { SignalId = Wire.Path("Vehicle.Cabin.Door.Row1.DriverSide.Window.Position") });
        Assert.Equal(0u, window.DataPoint.Value.Uint32);
    }

    private async Task SetSpeed(float speed) =>
        await _host.Simulation.SetSignalsAsync(new SetSignalsRequest { Values = { ["Vehicle.Speed"] = Wire.Float(speed) } });
}
