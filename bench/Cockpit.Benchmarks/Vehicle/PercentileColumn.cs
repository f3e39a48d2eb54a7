using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Cockpit.Benchmarks.Vehicle;

/// <summary>
/// A latency percentile BenchmarkDotNet has no built-in column for (it stops at P95 before P100).
/// With one invocation per iteration (<see cref="PerCallLatencyConfig"/>) it is the percentile of single calls.
/// </summary>
internal sealed class PercentileColumn(int percentile) : IColumn
{
    public string Id => $"{nameof(PercentileColumn)}.P{percentile}";

    public string ColumnName => $"P{percentile}";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Statistics;

    public int PriorityInCategory => 100 + percentile;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Time;

    public string Legend => $"Percentile {percentile} of the measurements";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var statistics = summary[benchmarkCase]?.ResultStatistics;
        if (statistics is null)
        {
            return "NA";
        }

        var nanoseconds = statistics.Percentiles.Percentile(percentile);
        return nanoseconds switch
        {
            < 1e3 => $"{nanoseconds:N1} ns",
            < 1e6 => $"{nanoseconds / 1e3:N1} μs",
            < 1e9 => $"{nanoseconds / 1e6:N1} ms",
            _ => $"{nanoseconds / 1e9:N2} s",
        };
    }
}
