using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Cockpit.Benchmarks.Vehicle;

/// <summary>A few whole rounds of fan-out (each round is thousands of deliveries), with a delivered-updates-per-second column.</summary>
public sealed class FanOutConfig : ManualConfig
{
    /// <summary>Creates the configuration.</summary>
    public FanOutConfig()
    {
        AddJob(Job.Default
            .WithId("FanOut")
            .WithStrategy(RunStrategy.Monitoring)
            .WithToolchain(InProcessEmitToolchain.Instance) // the service under test runs in this process anyway
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(10)
            .WithInvocationCount(1)
            .WithUnrollFactor(1));
        AddColumn(new RateColumn("Updates/s", "Signal updates delivered to subscribers per second"));
        WithOptions(ConfigOptions.DisableOptimizationsValidator);
    }
}
