using Cockpit.Testing;
using Kuksa.Val.V2;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Cockpit.Vehicle.Tests.Simulation;

/// <summary>Simulated time follows the injected clock × TimeScale; a FakeTimeProvider makes it deterministic.</summary>
public sealed class SimulationLoopTests
{
    private const string DriverWindow = "Vehicle.Cabin.Door.Row1.DriverSide.Window.Position";
    private const string Cabin = "Vehicle.Cabin.HVAC.AmbientAirTemperature";

    [Theory]
    [InlineData(1.0, 1000)]
    [InlineData(10.0, 100)]
    public async Task SimulationLoop_FakeTimeAdvanced_MovesWindowBySimulatedTime(double timeScale, int realMilliseconds)
    {
        var clock = new FakeTimeProvider();
        await using var host = await StartAsync(clock, timeScale);
        using var call = host.Val.Subscribe(new SubscribeRequest { SignalPaths = { DriverWindow }, BufferSize = 200 });
        await call.ResponseStream.ReadNextAsync();
        await host.Val.ActuateAsync(Wire.Actuate(DriverWindow, Wire.Uint(100)));

        clock.Advance(TimeSpan.FromMilliseconds(realMilliseconds));
        var quarter = await call.ResponseStream.ReadUntilAsync(message => message.Entries[DriverWindow].Value.Uint32 >= 25);
        clock.Advance(TimeSpan.FromMilliseconds(3 * realMilliseconds));
        var rest = await call.ResponseStream.ReadUntilAsync(message => message.Entries[DriverWindow].Value.Uint32 >= 100);

        Assert.Equal(25u, quarter[^1].Entries[DriverWindow].Value.Uint32); // 1 s of a 4 s travel
        Assert.Equal(100u, rest[^1].Entries[DriverWindow].Value.Uint32);
        var positions = quarter.Concat(rest).Select(message => message.Entries[DriverWindow].Value.Uint32).ToList();
        Assert.Equal(positions.Order(), positions);
        Assert.Empty(host.Logs.Errors);
    }

    [Fact]
    public async Task SimulationLoop_TenSecondsPass_CabinDriftsTowardSetPoint()
    {
        var clock = new FakeTimeProvider();
        await using var host = await StartAsync(clock, 1.0);
        using var call = host.Val.Subscribe(new SubscribeRequest { SignalPaths = { Cabin }, BufferSize = 200 });
        var start = await call.ResponseStream.ReadNextAsync();

        clock.Advance(TimeSpan.FromSeconds(10));
        var drift = await call.ResponseStream.ReadUntilAsync(message => message.Entries[Cabin].Value.Float <= 25f);

        Assert.Equal(26f, start.Entries[Cabin].Value.Float); // a fresh car: 26 °C inside, set points at 22 °C
        Assert.Equal(25f, drift[^1].Entries[Cabin].Value.Float); // 0.1 °C per second
        var temperatures = drift.Select(message => message.Entries[Cabin].Value.Float).ToList();
        Assert.Equal(temperatures.OrderDescending(), temperatures);
        Assert.Empty(host.Logs.Errors);
    }

    [Fact]
    public async Task SimulationLoop_TimeScaleZero_NothingMovesUntilSettle()
    {
        var clock = new FakeTimeProvider();
        await using var host = await StartAsync(clock, 0.0);
        await host.Val.ActuateAsync(Wire.Actuate(DriverWindow, Wire.Uint(100)));

        clock.Advance(TimeSpan.FromSeconds(10));

        var window = await host.Val.GetValueAsync(new GetValueRequest { SignalId = Wire.Path(DriverWindow) });
        Assert.Equal(0u, window.DataPoint.Value.Uint32);
    }

    private static Task<VehicleServiceHost> StartAsync(FakeTimeProvider clock, double timeScale) =>
        VehicleServiceHost.StartAsync(options => options.TimeScale = timeScale, services => services.AddSingleton<TimeProvider>(clock));
}
