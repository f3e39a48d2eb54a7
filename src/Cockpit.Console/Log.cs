using Cockpit.Vehicle.Client;
using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace Cockpit.Console;

/// <summary>Every log message of Cockpit.Console.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Console: the {Service} stream at {Address} failed ({Status}: {Detail}); trying again in {DelayMs} ms")]
    public static partial void StreamFailed(ILogger logger, string service, string address, StatusCode status, string detail, double delayMs);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Console: the vehicle stream at {Address} failed ({Outcome}: {Detail}); trying again in {DelayMs} ms")]
    public static partial void CarStreamFailed(ILogger logger, string address, VehicleOutcome outcome, string detail, double delayMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Console: the {Service} stream at {Address} is back")]
    public static partial void StreamRecovered(ILogger logger, string service, string address);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Console: a {Service} request failed ({Status}: {Detail})")]
    public static partial void RequestFailed(ILogger logger, string service, StatusCode status, string detail);
}
