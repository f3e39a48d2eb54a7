using Cockpit.ServiceDefaults.Grpc;
using Grpc.Net.Client;
using Kuksa.Val.V2;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Cockpit.Agent.Execution;

/// <summary>Registers the agent's way to the car.</summary>
internal static class VehicleClientServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="VehicleClient"/> on a kuksa.val.v2 channel to <see cref="AgentOptions.VehicleAddress"/> with the agent's
    /// vehicle token; a second call, or a client registered before, is kept.
    /// </summary>
    public static IServiceCollection AddVehicleClient(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<AgentOptions>>().Value;
            return new VAL.VALClient(CockpitGrpcChannel.ForAddress(
                options.VehicleAddress,
                new GrpcChannelOptions
                {
                    // Find a restarted vehicle service quickly; the default backoff starts at a second.
                    InitialReconnectBackoff = TimeSpan.FromMilliseconds(100),
                    MaxReconnectBackoff = TimeSpan.FromSeconds(1),
                }.WithBearerToken(options.ResolveVehicleToken())));
        });
        services.TryAddSingleton<VehicleClient>();
        return services;
    }
}
