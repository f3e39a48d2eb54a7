using Cockpit.Agent.Interactions;
using Microsoft.Extensions.Logging;

namespace Cockpit.Agent.Uplink;

internal static partial class Log
{
    [LoggerMessage(10, LogLevel.Information, "Uplink exporting interaction records to {Endpoint} over {Protocol}; {Pending} waiting")]
    public static partial void UplinkStarted(ILogger logger, Uri endpoint, UplinkProtocol protocol, long pending);

    [LoggerMessage(11, LogLevel.Information, "Uplink export of {Records} records failed ({Reason}), retry {Attempt} in {DelayMs:0} ms: {Detail}")]
    public static partial void UplinkRetry(ILogger logger, int records, string reason, int attempt, double delayMs, string detail);

    [LoggerMessage(12, LogLevel.Warning, "Uplink backend rejected {Rejected} of {Records} records up to interaction {LastId}; they are not sent again: {Detail}")]
    public static partial void UplinkRejected(ILogger logger, long rejected, int records, long lastId, string detail);

    [LoggerMessage(13, LogLevel.Error, "Uplink step failed; retrying after the backoff")]
    public static partial void UplinkStepFailed(ILogger logger, Exception exception);

    [LoggerMessage(14, LogLevel.Information, "Uplink reached the backend again after {Attempts} failed attempts")]
    public static partial void UplinkRecovered(ILogger logger, int attempts);
}
