using Cockpit.Vehicle.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cockpit.Agent.Screen;

/// <summary>Registers the GUI agent.</summary>
internal static class ScreenAgentServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ScreenAgent"/>; a second call does no harm. Budgets come from <see cref="ScreenAgentOptions"/>
    /// (defaults unless configured). The host registers the <see cref="Cockpit.Hmi.V1.Hmi.HmiClient"/> it works on and the
    /// <see cref="VehicleClient"/> through which it reads the car's actuators around each task (read scope is enough).
    /// </summary>
    public static IServiceCollection AddScreenAgent(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<ScreenAgentOptions>().ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ScreenAgent>();
        return services;
    }
}
