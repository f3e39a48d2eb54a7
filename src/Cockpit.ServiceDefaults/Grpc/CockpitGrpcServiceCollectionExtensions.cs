using Grpc.AspNetCore.Server;
using Microsoft.Extensions.DependencyInjection;

namespace Cockpit.ServiceDefaults.Grpc;

/// <summary>gRPC the way every Cockpit service serves it.</summary>
public static class CockpitGrpcServiceCollectionExtensions
{
    /// <summary>
    /// Adds gRPC with <see cref="UnexpectedErrorInterceptor"/> as the outermost interceptor of every service in the host.
    /// Call it before adding a service's own interceptors; in a host of several services (the embedded default) the
    /// interceptor is added once.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <returns>The gRPC server builder.</returns>
    public static IGrpcServerBuilder AddCockpitGrpc(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(descriptor => descriptor.ServiceType == typeof(UnexpectedErrorInterceptor)))
        {
            return services.AddGrpc();
        }

        services.AddSingleton<UnexpectedErrorInterceptor>();
        return services.AddGrpc(grpc => grpc.Interceptors.Add<UnexpectedErrorInterceptor>());
    }
}
