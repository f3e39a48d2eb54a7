using Microsoft.Extensions.Logging;

namespace Cockpit.Agent.Screen;

/// <summary>Log messages of the GUI agent.</summary>
internal static partial class ScreenLog
{
    [LoggerMessage(701, LogLevel.Information, "UI map learned: {Screens} screens, {Transitions} transitions, {Effects} effects, {Lists} content lists in {Actions} actions, {ElapsedMs:0.0} ms")]
    public static partial void Explored(ILogger logger, int screens, int transitions, int effects, int lists, int actions, double elapsedMs);

    [LoggerMessage(702, LogLevel.Debug, "Exploration action {Action} refused: {Detail}")]
    public static partial void ExplorationRefused(ILogger logger, string action, string detail);

    [LoggerMessage(703, LogLevel.Warning, "Could not restore the HMI state after exploring: {Detail}")]
    public static partial void RestoreFailed(ILogger logger, string detail);

    [LoggerMessage(704, LogLevel.Debug, "Screen step {Step} on {ScreenId}: {Action} in {ElapsedMs:0.0} ms")]
    public static partial void Step(ILogger logger, int step, string screenId, string action, double elapsedMs);

    [LoggerMessage(705, LogLevel.Information, "Screen action {Action} refused on {ScreenId}: {Detail}")]
    public static partial void ActionRefused(ILogger logger, string action, string screenId, string detail);

    [LoggerMessage(706, LogLevel.Information, "Screen task {Function} \"{Utterance}\" → {Outcome} in {Steps} steps, {ElapsedMs:0.0} ms: {Actions}")]
    public static partial void Finished(ILogger logger, string function, string utterance, string outcome, int steps, double elapsedMs, string actions);

    [LoggerMessage(707, LogLevel.Warning, "The HMI could not be reached: {Detail}")]
    public static partial void Unreachable(ILogger logger, string detail);

    [LoggerMessage(708, LogLevel.Warning, "A screen task changed more than its goal: {Changed}")]
    public static partial void ChangedElsewhere(ILogger logger, string changed);

    [LoggerMessage(709, LogLevel.Information, "The car's actuators could not be read around a screen task: {Detail}")]
    public static partial void VehicleUnread(ILogger logger, string detail);
}
