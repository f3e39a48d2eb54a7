using Cockpit.Agent.Conversations;
using Microsoft.Extensions.Logging;

namespace Cockpit.Agent;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Turn {ConversationId} [{Language}] \"{Text}\" → {Outcome} in {TotalMs:0.0} ms")]
    public static partial void Turn(ILogger logger, string conversationId, string language, string text, TurnOutcome outcome, double totalMs);

    [LoggerMessage(2, LogLevel.Warning, "Vehicle service unreachable: {Detail}")]
    public static partial void VehicleUnreachable(ILogger logger, string detail);

    [LoggerMessage(3, LogLevel.Information, "Vehicle call retry {Attempt} in {DelayMs} ms: {Detail}")]
    public static partial void VehicleRetry(ILogger logger, int attempt, double delayMs, string detail);

    [LoggerMessage(4, LogLevel.Information, "Interaction {InteractionId} conversation {ConversationId} seat {Seat} [{Language}] \"{Transcript}\" model {ModelOutput} → {Outcome} actions {Actions} in {TotalMs:0.0} ms")]
    public static partial void Interaction(ILogger logger, long interactionId, string conversationId, string seat, string language, string transcript, string modelOutput, string outcome, string actions, double totalMs);

    [LoggerMessage(7, LogLevel.Warning, "HMI unreachable: {Detail}")]
    public static partial void HmiUnreachable(ILogger logger, string detail);

    [LoggerMessage(8, LogLevel.Information, "Voice turn ended without an action ({Outcome}): {Reason}")]
    public static partial void VoiceTurnUnfinished(ILogger logger, string outcome, string reason);

    [LoggerMessage(6, LogLevel.Warning, "Interaction log reached its cap of {MaxRecords} records; deleted {Deleted} of the oldest that were never exported or reported (reported once)")]
    public static partial void InteractionLogOverCap(ILogger logger, int maxRecords, long deleted);

    [LoggerMessage(5, LogLevel.Information, "Understanding model {Version} loaded from {Directory} (experts in the fused kernel: {FusedKernel})")]
    public static partial void ModelLoaded(ILogger logger, string version, string directory, bool fusedKernel);

    [LoggerMessage(9, LogLevel.Warning, "Uplink queue over its bound ({MaxRecords} records, {MaxBytes} bytes): gave up the oldest {Dropped} waiting records")]
    public static partial void UplinkQueueFull(ILogger logger, long maxRecords, long maxBytes, long dropped);

}
