using Microsoft.Extensions.Logging;

namespace Cockpit.Vehicle;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Vehicle catalog {Source} loaded: {SignalCount} signals")]
    public static partial void CatalogLoaded(ILogger logger, string source, int signalCount);

    [LoggerMessage(2, LogLevel.Information, "Actuated {Path} to {Value}")]
    public static partial void Actuated(ILogger logger, string path, string value);

    [LoggerMessage(3, LogLevel.Warning, "Refused {Operation} of {Path}: {Reason}")]
    public static partial void Refused(ILogger logger, string operation, string path, string reason);

    [LoggerMessage(4, LogLevel.Information, "Subscriber {Peer} follows {SignalCount} signals")]
    public static partial void Subscribed(ILogger logger, string peer, int signalCount);

    [LoggerMessage(5, LogLevel.Information, "Simulated car reset to its default state")]
    public static partial void Reset(ILogger logger);

    [LoggerMessage(6, LogLevel.Information, "Vehicle service listening on {Endpoint}")]
    public static partial void Listening(ILogger logger, string endpoint);
}
