using Cockpit.ServiceDefaults.Grpc;
using Cockpit.Vehicle.Client;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cockpit.Agent.Execution;

/// <summary>Registers the agent's ways to the car and to the HMI.</summary>
internal static class AgentClientsServiceCollectionExtensions
{
    /// <summary>
    /// Adds a cockpit.hmi.v1 client on <see cref="AgentOptions.HmiAddress"/> with the agent's HMI token; a client
    /// registered before is kept.
    /// </summary>
    public static IServiceCollection AddHmiClient(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<AgentOptions>>().Value;
            return new Hmi.V1.Hmi.HmiClient(CockpitGrpcChannel.ForAddress(options.HmiAddress, new GrpcChannelOptions().WithBearerToken(options.ResolveHmiToken())));
        });
        return services;
    }

    /// <summary>
    /// Adds a <see cref="VehicleClient"/> to <see cref="AgentOptions.VehicleAddress"/> with the agent's vehicle token,
    /// deadline and retries; a second call, or a client registered before, is kept.
    /// </summary>
    public static IServiceCollection AddVehicleClient(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<AgentOptions>>().Value;
            return new VehicleClient(
                new VehicleClientOptions
                {
                    Address = options.VehicleAddress.OriginalString,
                    Token = options.ResolveVehicleToken(),
                    CallTimeout = options.VehicleCallTimeout,
                    Retries = options.VehicleRetries,
                    RetryBaseDelay = options.RetryBaseDelay,
                },
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ILogger<VehicleClient>>());
        });
        return services;
    }
}
