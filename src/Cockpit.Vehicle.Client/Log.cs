using Microsoft.Extensions.Logging;

namespace Cockpit.Vehicle.Client;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Vehicle call retry {Attempt} in {DelayMs} ms: {Detail}")]
    public static partial void VehicleRetry(ILogger logger, int attempt, double delayMs, string detail);
}
