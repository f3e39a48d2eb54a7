using System.Globalization;

namespace Cockpit.ServiceDefaults.Systemd;

/// <summary>
/// Reads the watchdog interval systemd hands a service with <c>WatchdogSec=</c>, as <c>sd_watchdog_enabled(3)</c> does:
/// <c>WATCHDOG_USEC</c> is the interval in microseconds, and <c>WATCHDOG_PID</c>, when set, names the one process
/// that must ping (a child started by the service inherits the variables but is not meant).
/// </summary>
internal static class SystemdWatchdog
{
    /// <summary>The variable holding the interval in microseconds.</summary>
    public const string IntervalVariable = "WATCHDOG_USEC";

    /// <summary>The variable holding the process that must ping.</summary>
    public const string ProcessVariable = "WATCHDOG_PID";

    /// <summary>The watchdog interval for this process, or null when systemd expects no pings from it.</summary>
    public static TimeSpan? IntervalFromEnvironment() => Interval(
        Environment.GetEnvironmentVariable(IntervalVariable),
        Environment.GetEnvironmentVariable(ProcessVariable),
        Environment.ProcessId);

    /// <summary>The watchdog interval from the two variables' values, or null when none applies to <paramref name="processId"/>.</summary>
    public static TimeSpan? Interval(string? microseconds, string? watchdogProcessId, int processId)
    {
        if (!long.TryParse(microseconds, NumberStyles.None, CultureInfo.InvariantCulture, out var usec) || usec <= 0)
        {
            return null;
        }

        if (!string.IsNullOrEmpty(watchdogProcessId)
            && (!int.TryParse(watchdogProcessId, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid != processId))
        {
            return null;
        }

        return TimeSpan.FromMicroseconds(usec);
    }
}
