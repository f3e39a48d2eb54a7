using Cockpit.Agent.Conversations;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cockpit.Agent.Grpc;

/// <summary>Speech recognition's health: degraded (text still works) with the model path and reason when it is unavailable.</summary>
internal sealed class SpeechHealthCheck(VoicePipeline voice) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var (available, reason) = voice.Status;
        return Task.FromResult(available ? HealthCheckResult.Healthy("speech recognition ready") : HealthCheckResult.Degraded(reason));
    }
}
