using Microsoft.Extensions.Logging;

namespace Cockpit.ServiceDefaults;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "systemd watchdog armed: WatchdogSec {WatchdogSeconds} s, pinging every {PeriodSeconds} s while healthy")]
    public static partial void WatchdogArmed(ILogger logger, double watchdogSeconds, double periodSeconds);

    [LoggerMessage(2, LogLevel.Warning, "systemd watchdog not pinged: the host is unhealthy ({Reason})")]
    public static partial void WatchdogWithheld(ILogger logger, string reason);

    [LoggerMessage(3, LogLevel.Warning, "systemd watchdog not pinged: the health checks failed or took longer than {PeriodSeconds} s")]
    public static partial void WatchdogCheckFailed(ILogger logger, double periodSeconds, Exception error);

    [LoggerMessage(4, LogLevel.Warning, "refused {Method} from {Peer}: {Reason}")]
    public static partial void CallRefused(ILogger logger, string method, string peer, string reason);

    [LoggerMessage(5, LogLevel.Error, "{Method} from {Peer} failed with an unexpected error")]
    public static partial void CallFailed(ILogger logger, string method, string peer, Exception error);
}
