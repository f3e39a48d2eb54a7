using Cockpit.Testing;
using Cockpit.Vehicle.V1;
using Grpc.Core;
using Kuksa.Val.V2;

namespace Cockpit.Vehicle.Tests.Grpc;

public sealed class ActuateTests : IAsyncLifetime
{
    private const string DriverTemperature = "Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature";
    private const string DriverWindow = "Vehicle.Cabin.Door.Row1.DriverSide.Window.Position";

    private VehicleServiceHost _host = null!;

    public async Task InitializeAsync() => _host = await VehicleServiceHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Actuate_SetPoint_TakesEffectAtOnce()
    {
        await _host.Val.ActuateAsync(Wire.Actuate(DriverTemperature, Wire.Float(23.5f)));

        Assert.Equal(23.5f, (await Current(DriverTemperature)).Float);
        Assert.Empty(_host.Logs.Errors);
    }

    [Fact]
    public async Task Actuate_Window_MovesOnlyAsSimulatedTimePasses()
    {
        await _host.Val.ActuateAsync(Wire.Actuate(DriverWindow, Wire.Uint(100)));
        var before = (await Current(DriverWindow)).Uint32;

        var halfway = await _host.Simulation.SettleAsync(new SettleRequest { MaxSimulatedMs = 2000 });
        var middle = (await Current(DriverWindow)).Uint32;
        var settled = await _host.Simulation.SettleAsync(new SettleRequest());

        Assert.Equal(0u, before);
        Assert.False(halfway.Settled);
        Assert.Equal([DriverWindow], halfway.PendingPaths);
        Assert.Equal(50u, middle);
        Assert.True(settled.Settled);
        Assert.Equal(2000u, settled.SimulatedMs);
        Assert.Equal(100u, (await Current(DriverWindow)).Uint32);
    }

    [Theory]
    [InlineData("OPEN", 100)]
    [InlineData("TILT_UP", -100)]
    public async Task Actuate_SunroofSwitch_MovesPositionSensor(string command, int expected)
    {
        await _host.Val.ActuateAsync(Wire.Actuate("Vehicle.Cabin.Sunroof.Switch", Wire.String(command)));
        var settle = await _host.Simulation.SettleAsync(new SettleRequest());

        Assert.Equal(expected, (await Current("Vehicle.Cabin.Sunroof.Position")).Int32);
        Assert.Equal(6000u, settle.SimulatedMs);
    }

    [Fact]
    public async Task Actuate_MediaSkipForward_ChangesTrack()
    {
        await _host.Val.ActuateAsync(Wire.Actuate("Vehicle.Cabin.Infotainment.Media.Action", Wire.String("SKIP_FORWARD")));

        Assert.Equal("Shake It Off", (await Current("Vehicle.Cabin.Infotainment.Media.Played.Track")).String);
        Assert.Equal("Taylor Swift", (await Current("Vehicle.Cabin.Infotainment.Media.Played.Artist")).String);
    }

    public static TheoryData<string, Value, StatusCode, string> InvalidRequests => new()
    {
        { "Vehicle.Cabin.Teleporter", Wire.Bool(true), StatusCode.NotFound, "Vehicle.Cabin.Teleporter: no such signal" },
        { DriverTemperature, Wire.Double(22), StatusCode.InvalidArgument, $"{DriverTemperature}: expected float (sent as float), got double" },
        { DriverTemperature, Wire.Float(50), StatusCode.InvalidArgument, $"{DriverTemperature}: 50 is out of range [16, 32]" },
        { DriverTemperature, Wire.Float(float.NaN), StatusCode.InvalidArgument, $"{DriverTemperature}: NaN is not a finite number" },
        { DriverWindow, Wire.Uint(101), StatusCode.InvalidArgument, $"{DriverWindow}: 101 is out of range [0, 100]" },
        { "Vehicle.Body.Windshield.Front.Wiping.Mode", Wire.String("TURBO"), StatusCode.InvalidArgument,
            "Vehicle.Body.Windshield.Front.Wiping.Mode: \"TURBO\" is not one of the allowed values (\"OFF\", \"SLOW\", \"MEDIUM\", \"FAST\", \"INTERVAL\", \"RAIN_SENSOR\")" },
        { "Vehicle.Speed", Wire.Float(10), StatusCode.InvalidArgument, "Vehicle.Speed: is a sensor, only actuators can be actuated" },
        { DriverTemperature, new Value(), StatusCode.InvalidArgument, $"{DriverTemperature}: no value given" },
    };

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public async Task Actuate_InvalidRequest_FailsWithPathAndReasonAndChangesNothing(string path, Value value, StatusCode code, string message)
    {
        var before = await _host.Simulation.GetStateAsync(new GetStateRequest());

        var error = await Assert.ThrowsAsync<RpcException>(() => _host.Val.ActuateAsync(Wire.Actuate(path, value)).ResponseAsync);

        Assert.Equal((code, message), (error.StatusCode, error.Status.Detail));
        var after = await _host.Simulation.GetStateAsync(new GetStateRequest());
        Assert.Equal(before.Signals.ToDictionary(pair => pair.Key, pair => pair.Value.Target), after.Signals.ToDictionary(pair => pair.Key, pair => pair.Value.Target));
    }

    [Fact]
    public async Task BatchActuate_OneInvalidRequest_NothingIsForwarded()
    {
        var request = new BatchActuateRequest
        {
            ActuateRequests =
            {
                Wire.Actuate("Vehicle.Cabin.HVAC.IsAirConditioningActive", Wire.Bool(true)),
                Wire.Actuate(DriverWindow, Wire.Uint(100)),
                Wire.Actuate(DriverTemperature, Wire.Float(99)),
            },
        };

        var error = await Assert.ThrowsAsync<RpcException>(() => _host.Val.BatchActuateAsync(request).ResponseAsync);
        await _host.Simulation.SettleAsync(new SettleRequest());

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.False((await Current("Vehicle.Cabin.HVAC.IsAirConditioningActive")).Bool);
        Assert.Equal(0u, (await Current(DriverWindow)).Uint32);
        Assert.Equal(22f, (await Current(DriverTemperature)).Float);
    }

    [Fact]
    public async Task BatchActuate_AllValid_AllTakeEffect()
    {
        var request = new BatchActuateRequest
        {
            ActuateRequests =
            {
                Wire.Actuate("Vehicle.Cabin.HVAC.IsAirConditioningActive", Wire.Bool(true)),
                Wire.Actuate("Vehicle.Cabin.Sunroof.Switch", Wire.String("CLOSE")),
                Wire.Actuate(DriverTemperature, Wire.Float(20)),
            },
        };

        await _host.Val.BatchActuateAsync(request);
        await _host.Simulation.SettleAsync(new SettleRequest());

        Assert.True((await Current("Vehicle.Cabin.HVAC.IsAirConditioningActive")).Bool);
        Assert.Equal(20f, (await Current(DriverTemperature)).Float);
    }

    private async Task<Value> Current(string path) =>
        (await _host.Val.GetValueAsync(new GetValueRequest { SignalId = Wire.Path(path) })).DataPoint.Value;
}
