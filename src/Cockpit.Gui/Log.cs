using Cockpit.Gui.Hmi;

namespace Cockpit.Gui;

/// <summary>Every log message of Cockpit.Gui.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "HMI ready: {ScreenCount} screens, {TrackCount} tracks, {PlaceCount} places, {ContactCount} contacts")]
    public static partial void HmiReady(ILogger logger, int screenCount, int trackCount, int placeCount, int contactCount);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Action {Action}: {Summary}")]
    public static partial void ActionDone(ILogger logger, HmiAction action, string summary);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Action {Action} refused: {Reason}")]
    public static partial void ActionRefused(ILogger logger, HmiAction action, string reason);

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Vehicle service {Address} connected, {SignalCount} signals bound")]
    public static partial void VehicleConnected(ILogger logger, string address, int signalCount);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "Vehicle service {Address} lost: {Reason}; bindings show as unavailable")]
    public static partial void VehicleLost(ILogger logger, string address, string reason);

    [LoggerMessage(EventId = 12, Level = LogLevel.Debug, Message = "Vehicle service {Address} unreachable: {Reason}")]
    public static partial void VehicleUnreachable(ILogger logger, string address, string reason);

    [LoggerMessage(EventId = 13, Level = LogLevel.Warning, Message = "Vehicle service does not know {Path}; its binding stays unavailable")]
    public static partial void VehicleSignalUnknown(ILogger logger, string path);

    [LoggerMessage(EventId = 14, Level = LogLevel.Warning, Message = "Vehicle write of {Path} failed: {Reason}")]
    public static partial void VehicleWriteFailed(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 15, Level = LogLevel.Information, Message = "No vehicle address configured; the HMI runs without a car")]
    public static partial void VehicleNotConfigured(ILogger logger);

    [LoggerMessage(EventId = 16, Level = LogLevel.Warning, Message = "The HMI's token may not read {Path}; its binding stays unavailable ({Reason})")]
    public static partial void VehicleSignalDenied(ILogger logger, string path, string reason);
}
