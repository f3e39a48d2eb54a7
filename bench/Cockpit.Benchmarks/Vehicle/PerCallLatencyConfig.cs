using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Mathematics.OutlierDetection;

namespace Cockpit.Benchmarks.Vehicle;

/// <summary>
/// Measures single round trips: one invocation per iteration, every measurement kept (no outlier
/// removal, no forced GC between calls), so P50/P95/P99 are percentiles of individual calls.
/// </summary>
public sealed class PerCallLatencyConfig : ManualConfig
{
    /// <summary>Calls measured per benchmark (after <see cref="WarmupCalls"/>).</summary>
    public const int MeasuredCalls = 1000;

    /// <summary>Calls made before measuring.</summary>
    public const int WarmupCalls = 100;

    /// <summary>Creates the configuration.</summary>
    public PerCallLatencyConfig()
    {
        AddJob(Job.Default
            .WithId("PerCall")
            .WithStrategy(RunStrategy.Throughput)
            .WithToolchain(InProcessEmitToolchain.Instance) // the service under test runs in this process anyway
            .WithLaunchCount(1)
            .WithWarmupCount(WarmupCalls)
            .WithIterationCount(MeasuredCalls)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithGcForce(false)
            .WithOutlierMode(OutlierMode.DontRemove));
        AddColumn(StatisticColumn.P50, StatisticColumn.P95, new PercentileColumn(99), StatisticColumn.Max);
        AddDiagnoser(MemoryDiagnoser.Default);
        WithOptions(ConfigOptions.DisableOptimizationsValidator);
    }
}
