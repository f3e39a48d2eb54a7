namespace Cockpit.Vehicle;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Vehicle catalog {Source} loaded: {SignalCount} signals")]
    public static partial void CatalogLoaded(ILogger logger, string source, int signalCount);

    [LoggerMessage(2, LogLevel.Information, "Actuated {Path} to {Value}")]
    public static partial void Actuated(ILogger logger, string path, string value);

    [LoggerMessage(3, LogLevel.Information, "Refused {Operation} of {Path}: {Reason}")]
    public static partial void Refused(ILogger logger, string operation, string path, string reason);

    [LoggerMessage(4, LogLevel.Information, "Subscriber {Caller} at {Peer} follows {SignalCount} signals")]
    public static partial void Subscribed(ILogger logger, string caller, string peer, int signalCount);

    [LoggerMessage(5, LogLevel.Information, "Simulated car reset to its default state")]
    public static partial void Reset(ILogger logger);

    [LoggerMessage(6, LogLevel.Information, "Vehicle service listening on {Endpoint}")]
    public static partial void Listening(ILogger logger, string endpoint);

    [LoggerMessage(7, LogLevel.Warning, "Could not send frame 0x{FrameId:X} on {Bus}: {Reason}")]
    public static partial void FrameNotSent(ILogger logger, string bus, uint frameId, string reason);

    [LoggerMessage(8, LogLevel.Debug, "Dropped frame 0x{FrameId:X}: {Reason}")]
    public static partial void FrameDropped(ILogger logger, uint frameId, string reason);

    [LoggerMessage(9, LogLevel.Warning, "ECU {Ecu} did not confirm the request for {Path} within {TimeoutMs} ms")]
    public static partial void EcuSilent(ILogger logger, string ecu, string path, double timeoutMs);

    [LoggerMessage(10, LogLevel.Information, "Vehicle CAN on {Bus} ({Transport}): {EcuCount} simulated ECUs, {SignalCount} signals on the bus")]
    public static partial void CanStarted(ILogger logger, string bus, string transport, int ecuCount, int signalCount);

    [LoggerMessage(11, LogLevel.Warning, "Refused {Method} from {Peer}: {Reason}")]
    public static partial void Unauthenticated(ILogger logger, string method, string peer, string reason);

    [LoggerMessage(12, LogLevel.Warning, "Vehicle authorization is off (Vehicle:Authorization:Insecure): every caller may read, actuate and simulate everything")]
    public static partial void AuthorizationOff(ILogger logger);

    [LoggerMessage(13, LogLevel.Information, "Replayed {Path}: {Frames} frames")]
    public static partial void ReplayFinished(ILogger logger, string path, int frames);

    [LoggerMessage(14, LogLevel.Error, "Replay of {Path} stopped: {Reason}")]
    public static partial void ReplayFailed(ILogger logger, string path, string reason);

    [LoggerMessage(15, LogLevel.Warning, "Refused a subscription of {Caller}: {Reason}")]
    public static partial void SubscriptionRefused(ILogger logger, string caller, string reason);
}
