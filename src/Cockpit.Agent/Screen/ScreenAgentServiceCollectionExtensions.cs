using Cockpit.Agent.Execution;
using Cockpit.ServiceDefaults.Grpc;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Cockpit.Agent.Screen;

/// <summary>Registers the GUI agent.</summary>
internal static class ScreenAgentServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ScreenAgent"/> and a cockpit.hmi.v1 client on <see cref="AgentOptions.HmiAddress"/>; a second
    /// call does no harm. Budgets come from <see cref="ScreenAgentOptions"/> (defaults unless configured). The agent reads
    /// the car's actuators around each task through the agent's <see cref="VehicleClient"/> (added unless registered; read scope is enough).
    /// </summary>
    public static IServiceCollection AddScreenAgent(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<ScreenAgentOptions>().ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<AgentOptions>>().Value;
            return new Hmi.V1.Hmi.HmiClient(CockpitGrpcChannel.ForAddress(options.HmiAddress, new GrpcChannelOptions().WithBearerToken(options.ResolveHmiToken())));
        });
        services.AddVehicleClient();
        services.TryAddSingleton<ScreenAgent>();
        return services;
    }
}
