using BenchmarkDotNet.Attributes;
using Cockpit.Benchmarks.Vehicle;
using Cockpit.Vehicle;
using Cockpit.Vehicle.Simulation;
using Cockpit.Vehicle.Vss;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cockpit.Benchmarks.Can;

/// <summary>
/// One actuation inside the vehicle service, without gRPC: validation and interlocks, then either the head unit's
/// own ECU model (baseline, <c>Vehicle:Can:Enabled=false</c>) or the full CAN round trip on the virtual bus
/// (vss2dbc encode, CRC, request frame, ECU decode and model, status frame, CRC check, dbc2vss, signal store).
/// </summary>
[Config(typeof(PerCallLatencyConfig))]
[MemoryDiagnoser]
public class CanActuationBenchmark
{
    private const string SetPoint = "Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature";

    private readonly (VssEntry, object)[][] _requests = new (VssEntry, object)[2][];
    private ServiceProvider _headUnitOnly = null!;
    private ServiceProvider _overCan = null!;
    private SimulatedVehicle _local = null!;
    private SimulatedVehicle _can = null!;
    private int _next;

    /// <summary>Builds two cars, one with and one without CAN.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _headUnitOnly = Build(enabled: false);
        _overCan = Build(enabled: true);
        _local = _headUnitOnly.GetRequiredService<SimulatedVehicle>();
        _can = _overCan.GetRequiredService<SimulatedVehicle>();
        var entry = _can.Catalog.Get(SetPoint);
        _requests[0] = [(entry, 21f)];
        _requests[1] = [(entry, 23f)];
    }

    /// <summary>Disposes both cars.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _headUnitOnly.Dispose();
        _overCan.Dispose();
    }

    /// <summary>The set point handled by the head unit's own ECU model, no bus.</summary>
    [Benchmark(Baseline = true)]
    public Task HeadUnitOnly() => _local.ActuateAsync(_requests[_next++ & 1]);

    /// <summary>The set point through request frame, HVAC ECU and confirming status frame.</summary>
    [Benchmark]
    public Task CanRoundTrip() => _can.ActuateAsync(_requests[_next++ & 1]);

    private static ServiceProvider Build(bool enabled)
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddCockpitVehicle(options =>
        {
            options.TimeScale = 0;
            options.Can.Enabled = enabled;
        });
        return services.BuildServiceProvider();
    }
}
