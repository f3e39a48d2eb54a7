using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Cockpit.Agent.Uplink;

/// <summary>Registers the uplink of the interaction log.</summary>
internal static class UplinkServiceCollectionExtensions
{
    /// <summary>
    /// Adds the background export of the interaction log to <c>Agent:Uplink:Endpoint</c>; it idles unless
    /// <c>Agent:Uplink:Enabled</c>. Needs the agent (<c>AddCockpitAgent</c>); a second call does no harm.
    /// </summary>
    public static IServiceCollection AddInteractionUplink(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, UplinkService>());
        return services;
    }
}
