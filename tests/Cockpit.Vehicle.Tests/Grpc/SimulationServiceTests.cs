using Cockpit.Testing;
using Cockpit.Vehicle.V1;
using Grpc.Core;
using Kuksa.Val.V2;

namespace Cockpit.Vehicle.Tests.Grpc;

public sealed class SimulationServiceTests : IAsyncLifetime
{
    private const string DriverTemperature = "Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature";
    private const string DriverWindow = "Vehicle.Cabin.Door.Row1.DriverSide.Window.Position";

    private VehicleServiceHost _host = null!;

    public async Task InitializeAsync() => _host = await VehicleServiceHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Reset_AfterChanges_RestoresDefaultsAndStopsMotion()
    {
        var fresh = await _host.Simulation.GetStateAsync(new GetStateRequest());
        await _host.Val.ActuateAsync(Wire.Actuate(DriverTemperature, Wire.Float(28)));
        await _host.Val.ActuateAsync(Wire.Actuate(DriverWindow, Wire.Uint(100)));
        await _host.Simulation.SetSignalsAsync(new SetSignalsRequest { Values = { ["Vehicle.Speed"] = Wire.Float(60) } });
        await _host.Simulation.SettleAsync(new SettleRequest { MaxSimulatedMs = 1000 });

        await _host.Simulation.ResetAsync(new ResetRequest());
        var settle = await _host.Simulation.SettleAsync(new SettleRequest());

        var state = await _host.Simulation.GetStateAsync(new GetStateRequest());
        Assert.True(settle.Settled);
        Assert.Equal(0u, settle.SimulatedMs);
        Assert.Equal(Values(fresh), Values(state));
        Assert.Equal(Targets(fresh), Targets(state));
        Assert.Empty(_host.Logs.Errors);
    }

    [Fact]
    public async Task SetSignals_SensorAndActuator_BothTakeTheValueAndTargetFollows()
    {
        await _host.Val.ActuateAsync(Wire.Actuate(DriverWindow, Wire.Uint(100)));

        await _host.Simulation.SetSignalsAsync(new SetSignalsRequest
        {
            Values = { ["Vehicle.Speed"] = Wire.Float(42.5f), [DriverWindow] = Wire.Uint(40) },
        });
        var settle = await _host.Simulation.SettleAsync(new SettleRequest());

        var state = await _host.Simulation.GetStateAsync(new GetStateRequest());
        Assert.Equal(42.5f, state.Signals["Vehicle.Speed"].Current.Value.Float);
        Assert.Equal(40u, state.Signals[DriverWindow].Current.Value.Uint32);
        Assert.Equal(40u, state.Signals[DriverWindow].Target.Uint32);
        Assert.True(settle.Settled); // the motion toward 100 stopped
        Assert.Equal(0u, settle.SimulatedMs);
        Assert.Empty(_host.Logs.Errors);
    }

    public static TheoryData<string, Value, StatusCode, string> InvalidValues => new()
    {
        { DriverTemperature, Wire.Float(99), StatusCode.InvalidArgument, $"{DriverTemperature}: 99 is out of range [16, 32]" },
        { "Vehicle.Speed", Wire.Double(10), StatusCode.InvalidArgument, "Vehicle.Speed: expected float (sent as float), got double" },
        { "Vehicle.Teleporter", Wire.Bool(true), StatusCode.NotFound, "Vehicle.Teleporter: no such signal" },
    };

    [Theory]
    [MemberData(nameof(InvalidValues))]
    public async Task SetSignals_OneInvalidValue_ChangesNothing(string path, Value value, StatusCode code, string message)
    {
        var before = await _host.Simulation.GetStateAsync(new GetStateRequest());

        var error = await Assert.ThrowsAsync<RpcException>(() => _host.Simulation.SetSignalsAsync(new SetSignalsRequest
        {
            Values = { ["Vehicle.Exterior.AirTemperature"] = Wire.Float(-5), [path] = value, [DriverWindow] = Wire.Uint(70) },
        }).ResponseAsync);

        Assert.Equal((code, message), (error.StatusCode, error.Status.Detail));
        var after = await _host.Simulation.GetStateAsync(new GetStateRequest());
        Assert.Equal(Values(before), Values(after));
        Assert.Equal(Targets(before), Targets(after));
        Assert.Empty(_host.Logs.Errors);
    }

    [Fact]
    public async Task GetState_FreshCar_TargetsForActuatorsOnly()
    {
        var metadata = (await _host.Val.ListMetadataAsync(new ListMetadataRequest())).Metadata.ToDictionary(item => item.Path);

        var state = await _host.Simulation.GetStateAsync(new GetStateRequest());

        Assert.Equal(metadata.Keys.Order(StringComparer.Ordinal), state.Signals.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, signal) in state.Signals)
        {
            if (metadata[path].EntryType != EntryType.Actuator)
            {
                Assert.Null(signal.Target);
            }
            else
            {
                Assert.Equal(signal.Current.Value, signal.Target); // a fresh car is at rest: target = current (none for no value)
            }
        }

        Assert.Equal(22f, state.Signals[DriverTemperature].Target.Float);
        Assert.Null(state.Signals["Vehicle.Cabin.Infotainment.Navigation.DestinationSet.Latitude"].Target);
    }

    private static Dictionary<string, Value?> Values(GetStateResponse state) =>
        state.Signals.ToDictionary(pair => pair.Key, pair => (Value?)pair.Value.Current.Value);

    private static Dictionary<string, Value?> Targets(GetStateResponse state) =>
        state.Signals.ToDictionary(pair => pair.Key, pair => (Value?)pair.Value.Target);
}
