using BenchmarkDotNet.Attributes;
using Cockpit.Testing;
using Kuksa.Val.V2;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cockpit.Benchmarks.Vehicle;

/// <summary>
/// One kuksa.val.v2 Actuate over loopback HTTP/2 (validation, interlocks, target, ECU, store, notification),
/// against the baseline of a trivial unary call on the same server and channel (GetServerInfo).
/// </summary>
[Config(typeof(PerCallLatencyConfig))]
public class ActuateRoundTripBenchmark
{
    private const string SetPoint = "Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature";

    private readonly GetServerInfoRequest _info = new();
    private readonly ActuateRequest[] _actuations = [Wire.Actuate(SetPoint, Wire.Float(21)), Wire.Actuate(SetPoint, Wire.Float(23))];
    private VehicleServiceHost _host = null!;
    private int _next;

    /// <summary>Starts the vehicle service on 127.0.0.1:0, logging only warnings and errors (as a tuned head unit would).</summary>
    [GlobalSetup]
    public void Setup() => _host = VehicleServiceHost.StartAsync(services: services =>
        services.Configure<LoggerFilterOptions>(filter => filter.MinLevel = LogLevel.Warning)).GetAwaiter().GetResult();

    /// <summary>Stops the service.</summary>
    [GlobalCleanup]
    public void Cleanup() => _host.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>A plain grpc-dotnet unary round trip: the floor any RPC on this stack pays.</summary>
    [Benchmark(Baseline = true)]
    public Task<GetServerInfoResponse> GetServerInfo() => _host.Val.GetServerInfoAsync(_info).ResponseAsync;

    /// <summary>Actuate a set point, alternating two values so every call changes the car.</summary>
    [Benchmark]
    public Task<ActuateResponse> Actuate() => _host.Val.ActuateAsync(_actuations[_next++ & 1]).ResponseAsync;
}
