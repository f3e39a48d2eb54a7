using System.Diagnostics.Metrics;

namespace Cockpit.Agent;

/// <summary>
/// The agent's metrics, on the <c>Cockpit.Agent</c> meter (System.Diagnostics.Metrics; <c>dotnet-counters</c> reads
/// them on the head unit): turn latency and the uplink's queue.
/// </summary>
internal sealed class AgentMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Cockpit.Agent";

    private readonly Meter _meter;
    private readonly Histogram<double> _turnDuration;
    private readonly Counter<long> _exported;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _dropped;
    private readonly Counter<long> _failures;
    private Func<long>? _pending;

    public AgentMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        _turnDuration = _meter.CreateHistogram<double>("cockpit.agent.turn.duration", "ms", "Time from the utterance to the last accepted actuation.");
        _exported = _meter.CreateCounter<long>("cockpit.uplink.exported", "{record}", "Interaction records the backend acknowledged.");
        _rejected = _meter.CreateCounter<long>("cockpit.uplink.rejected", "{record}", "Interaction records the backend refused for good (not retried).");
        _dropped = _meter.CreateCounter<long>("cockpit.uplink.dropped", "{record}", "Interaction records given up because the uplink queue was full.");
        _failures = _meter.CreateCounter<long>("cockpit.uplink.failures", "{request}", "Export requests that failed and will be retried.");
        _meter.CreateObservableGauge("cockpit.uplink.pending", () => _pending?.Invoke() ?? 0, "{record}", "Interaction records waiting for export.");
    }

    public void TurnCompleted(string outcome, string language, double totalMs) =>
        _turnDuration.Record(totalMs, new("outcome", outcome), new("language", language));

    public void Exported(long records) => _exported.Add(records);

    public void Rejected(long records) => _rejected.Add(records);

    public void Dropped(long records) => _dropped.Add(records);

    public void ExportFailed(string reason) => _failures.Add(1, new KeyValuePair<string, object?>("reason", reason));

    /// <summary>Where the pending gauge reads from (the interaction log).</summary>
    public void ObservePending(Func<long> pending) => _pending = pending;
}
