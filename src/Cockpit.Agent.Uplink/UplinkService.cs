using Cockpit.Agent.Interactions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Proto.Resource.V1;

namespace Cockpit.Agent.Uplink;

/// <summary>
/// Store and forward of the interaction log to a fleet backend over OTLP, when <c>Agent:Uplink:Enabled</c>.
/// <list type="number">
/// <item><b>read</b> — up to <see cref="UplinkOptions.BatchSize"/> records after the log's uplink cursor, oldest
/// first, each at least <c>Agent:FeedbackWindow</c> old (its implicit label is settled). None → wait
/// <see cref="UplinkOptions.PollInterval"/>.</item>
/// <item><b>send</b> — one OTLP export request (<see cref="OtlpLogMapping"/>) through <see cref="OtlpLogsClient"/>.</item>
/// <item><b>acknowledge</b> — only after the backend took the batch (or refused its data for good) does the cursor
/// move past it, in the same SQLite transaction that marks the records exported. A crash or a stop between the
/// backend's answer and that transaction sends the batch again: delivery is at least once, and <c>cockpit.id</c>
/// lets the backend drop duplicates.</item>
/// <item><b>back off</b> — any other outcome waits (<see cref="UplinkBackoff"/>, exponential with jitter) and sends
/// the same batch again; the queue's bound, enforced by the log on every append, keeps the disk bounded meanwhile.</item>
/// </list>
/// The turn pipeline never waits for the uplink: the uplink only reads the log and moves its cursor, each a short
/// statement under the log's lock, and all network work runs here, off the turn's path.
/// </summary>
internal sealed class UplinkService(
    InteractionLog log,
    IOptions<AgentOptions> options,
    AgentMetrics metrics,
    TimeProvider time,
    ILogger<UplinkService> logger) : BackgroundService
{
    private int _failures;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var uplink = options.Value.Uplink;
        if (!uplink.Enabled)
        {
            return;
        }

        using var client = new OtlpLogsClient(uplink);
        var resource = OtlpLogMapping.Resource(uplink.ResourceAttributes);
        Log.UplinkStarted(logger, uplink.Endpoint!, uplink.Protocol, log.PendingUplinkRecords);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                TimeSpan wait;
                try
                {
                    wait = await ExportOnceAsync(client, resource, uplink, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    Log.UplinkStepFailed(logger, exception);
                    wait = NextBackoff(uplink, null);
                }

                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: an unacknowledged batch stays in the queue and goes out after the next start.
        }
    }

    /// <summary>One read → send → acknowledge step; returns how long to wait before the next.</summary>
    private async Task<TimeSpan> ExportOnceAsync(OtlpLogsClient client, Resource resource, UplinkOptions uplink, CancellationToken stoppingToken)
    {
        var now = time.GetUtcNow();
        var batch = log.ReadForUplink(uplink.BatchSize, now - options.Value.FeedbackWindow);
        if (batch.Count == 0)
        {
            return uplink.PollInterval;
        }

        var request = OtlpLogMapping.ToRequest(batch, resource, now);
        var result = await client.ExportAsync(request, batch.Count, stoppingToken).ConfigureAwait(false);
        var lastId = batch[^1].Id;
        switch (result.Status)
        {
            case OtlpExportStatus.Acknowledged:
            case OtlpExportStatus.Rejected:
                log.AcknowledgeUplink(lastId);
                metrics.Exported(batch.Count - result.RejectedRecords);
                if (result.RejectedRecords > 0)
                {
                    metrics.Rejected(result.RejectedRecords);
                    Log.UplinkRejected(logger, result.RejectedRecords, batch.Count, lastId, result.Detail);
                }

                if (_failures > 0)
                {
                    Log.UplinkRecovered(logger, _failures);
                    _failures = 0;
                }

                // A full batch means more may be waiting: go on at once.
                return batch.Count < uplink.BatchSize ? uplink.PollInterval : TimeSpan.Zero;
            default:
                metrics.ExportFailed(result.Reason);
                var wait = NextBackoff(uplink, result.RetryAfter);
                Log.UplinkRetry(logger, batch.Count, result.Reason, _failures, wait.TotalMilliseconds, result.Detail);
                return wait;
        }
    }

    private TimeSpan NextBackoff(UplinkOptions uplink, TimeSpan? retryAfter) =>
        UplinkBackoff.Delay(++_failures, uplink.RetryBackoffMin, uplink.RetryBackoffMax, Random.Shared.NextDouble(), retryAfter);
}
