using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cockpit.Agent.Interactions;

/// <summary>
/// Execution accuracy from the interaction log: overall, per domain and per language (over interactions
/// whose correctness is known), outcomes, latency percentiles per stage, and the worst utterances.
/// </summary>
internal sealed record AccuracyReport
{
    private static readonly JsonSerializerOptions s_json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public int Interactions { get; init; }

    public int Labelled { get; init; }

    public Tally Overall { get; init; } = new(0, 0);

    public IReadOnlyDictionary<string, Tally> ByDomain { get; init; } = new Dictionary<string, Tally>();

    public IReadOnlyDictionary<string, Tally> ByLanguage { get; init; } = new Dictionary<string, Tally>();

    public IReadOnlyDictionary<string, int> Outcomes { get; init; } = new Dictionary<string, int>();

    public IReadOnlyDictionary<string, Percentiles> LatencyMs { get; init; } = new Dictionary<string, Percentiles>();

    public IReadOnlyList<WorstUtterance> Worst { get; init; } = [];

    [JsonIgnore]
    public long LastId { get; init; }

    public static AccuracyReport From(IReadOnlyList<InteractionRecord> records, int worst = 10)
    {
        var labelled = records.Where(record => record.Label is not null).ToList();
        return new AccuracyReport
        {
            Interactions = records.Count,
            Labelled = labelled.Count,
            Overall = Tally.Of(labelled),
            ByDomain = labelled.GroupBy(record => record.Domain.Length == 0 ? "none" : record.Domain).OrderBy(group => group.Key, StringComparer.Ordinal).ToDictionary(group => group.Key, group => Tally.Of([.. group])),
            ByLanguage = labelled.GroupBy(record => record.Language).OrderBy(group => group.Key, StringComparer.Ordinal).ToDictionary(group => group.Key, group => Tally.Of([.. group])),
            Outcomes = records.GroupBy(record => record.Outcome).OrderByDescending(group => group.Count()).ToDictionary(group => group.Key, group => group.Count()),
            LatencyMs = new Dictionary<string, Percentiles>
            {
                ["understanding"] = Percentiles.Of(records.Select(record => record.UnderstandingMs)),
                ["execution"] = Percentiles.Of(records.Select(record => record.ExecutionMs)),
                ["total"] = Percentiles.Of(records.Select(record => record.TotalMs)),
            },
            Worst = [.. labelled.Where(record => record.Label == "incorrect")
                .GroupBy(record => (record.Language, record.Transcript))
                .OrderByDescending(group => group.Count()).ThenBy(group => group.Key.Transcript, StringComparer.Ordinal)
                .Take(worst)
                .Select(group => new WorstUtterance(group.Key.Transcript, group.Key.Language, group.Count(), group.Last().ModelOutput, group.Last().Outcome))],
            LastId = records.Count == 0 ? 0 : records[^1].Id,
        };
    }

    public string ToJson() => JsonSerializer.Serialize(this, s_json);

    /// <summary>Correct out of labelled.</summary>
    internal sealed record Tally(int Total, int Correct)
    {
        public double Accuracy => Total == 0 ? 0 : Math.Round((double)Correct / Total, 4);

        public static Tally Of(IReadOnlyCollection<InteractionRecord> records) => new(records.Count, records.Count(record => record.Label == "correct"));
    }

    internal sealed record Percentiles(double P50, double P95, double P99, double Max)
    {
        public static Percentiles Of(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            double At(double quantile) => sorted.Length == 0 ? 0 : Math.Round(sorted[Math.Max(0, (int)Math.Ceiling(quantile * sorted.Length) - 1)], 2);
            return new Percentiles(At(0.50), At(0.95), At(0.99), sorted.Length == 0 ? 0 : Math.Round(sorted[^1], 2));
        }
    }

    internal sealed record WorstUtterance(string Transcript, string Language, int Times, string ModelOutput, string Outcome);
}
