using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cockpit.Agent.Evaluation;

/// <summary>The eval report of SCENARIOS.md, written with <c>--report FILE</c>.</summary>
internal sealed record EvalReport(
    [property: JsonPropertyName("total")] int Total,
    [property: JsonPropertyName("passed")] int Passed,
    [property: JsonPropertyName("failed")] int Failed,
    [property: JsonPropertyName("accuracy")] double Accuracy,
    [property: JsonPropertyName("by_lang")] IReadOnlyDictionary<string, LanguageTally> ByLanguage,
    [property: JsonPropertyName("latency_ms")] LatencySummary LatencyMs,
    [property: JsonPropertyName("failures")] IReadOnlyList<FailureEntry> Failures)
{
    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static EvalReport From(IReadOnlyList<ScenarioResult> results)
    {
        var passed = results.Count(result => result.Passed);
        var latencies = results.SelectMany(result => result.TurnLatenciesMs).Order().ToArray();
        return new EvalReport(
            results.Count,
            passed,
            results.Count - passed,
            results.Count == 0 ? 0 : Math.Round((double)passed / results.Count, 4),
            results.GroupBy(result => result.Scenario.Language).OrderBy(group => group.Key, StringComparer.Ordinal)
                .ToDictionary(group => group.Key, group => new LanguageTally(group.Count(), group.Count(result => result.Passed))),
            new LatencySummary(Percentile(latencies, 0.50), Percentile(latencies, 0.95), latencies.Length == 0 ? 0 : Math.Round(latencies[^1], 2)),
            [.. results.Where(result => !result.Passed).Select(result => new FailureEntry(result.Scenario.Id, string.Join("; ", result.Failures)))]);
    }

    public string ToJson() => JsonSerializer.Serialize(this, s_json);

    private static double Percentile(double[] sorted, double quantile) =>
        sorted.Length == 0 ? 0 : Math.Round(sorted[(int)Math.Ceiling(quantile * sorted.Length) - 1], 2);
}

internal sealed record LanguageTally([property: JsonPropertyName("total")] int Total, [property: JsonPropertyName("passed")] int Passed);

internal sealed record LatencySummary([property: JsonPropertyName("p50")] double P50, [property: JsonPropertyName("p95")] double P95, [property: JsonPropertyName("max")] double Max);

internal sealed record FailureEntry([property: JsonPropertyName("id")] string Id, [property: JsonPropertyName("why")] string Why);
