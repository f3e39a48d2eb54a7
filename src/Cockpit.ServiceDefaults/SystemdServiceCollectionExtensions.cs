using Cockpit.ServiceDefaults.Systemd;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;

namespace Cockpit.ServiceDefaults;

/// <summary>Runs a Cockpit host as a systemd service (<c>Type=notify</c>, <c>WatchdogSec=</c>); a no-op anywhere else.</summary>
public static class SystemdServiceCollectionExtensions
{
    /// <summary>
    /// Adds systemd integration: <c>READY=1</c> once the host has started and <c>STOPPING=1</c> when it stops
    /// (Microsoft.Extensions.Hosting.Systemd's <c>AddSystemd</c>, active only when systemd started the process), and
    /// <c>WATCHDOG=1</c> every half <c>WatchdogSec=</c> while the host's health checks do not report Unhealthy.
    /// A second call does no harm.
    /// </summary>
    /// <param name="services">The service collection of the host.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddCockpitSystemd(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSystemd(); // registers the same two singletons again on a second call; the last wins
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, SystemdWatchdogService>(provider => new SystemdWatchdogService(
            provider.GetService<ISystemdNotifier>(),
            provider.GetService<HealthCheckService>(),
            SystemdWatchdog.IntervalFromEnvironment(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<SystemdWatchdogService>>())));
        return services;
    }
}
