using System.Net;
using Cockpit.ServiceDefaults.Grpc;
using Cockpit.Vehicle.Can;
using Cockpit.Vehicle.Grpc;
using Cockpit.Vehicle.Safety;
using Cockpit.Vehicle.Security;
using Cockpit.Vehicle.Signals;
using Cockpit.Vehicle.Simulation;
using Cockpit.Vehicle.Vss;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Cockpit.Vehicle;

/// <summary>Registers and maps the vehicle service: the simulated car behind the kuksa.val.v2 API.</summary>
public static class VehicleServiceCollectionExtensions
{
    /// <summary>Adds the vehicle service with default options.</summary>
    public static IServiceCollection AddCockpitVehicle(this IServiceCollection services) =>
        services.AddCockpitVehicle(_ => { });

    /// <summary>
    /// Adds the vehicle service with options bound from a configuration section (see <see cref="VehicleOptions"/>),
    /// and its <c>Authorization</c> subsection (see <see cref="VehicleAuthorizationOptions"/>).
    /// </summary>
    public static IServiceCollection AddCockpitVehicle(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        services.AddOptions<VehicleOptions>().Bind(section).Configure(options =>
        {
            // The binder adds configured list items to the default ones; a configured list replaces them instead,
            // or the defaults could never be taken off.
            if (section.GetSection(nameof(VehicleOptions.SystemSubjects)).Get<List<string>>() is { } subjects)
            {
                options.SystemSubjects = subjects;
            }
        });
        services.AddOptions<VehicleAuthorizationOptions>().Bind(section.GetSection("Authorization"));
        return services.AddCockpitVehicle(_ => { });
    }

    /// <summary>
    /// Adds the vehicle service; <paramref name="configure"/> adjusts the options. Its APIs need tokens checked against
    /// <see cref="VehicleAuthorizationOptions"/> (set them with <c>services.Configure&lt;VehicleAuthorizationOptions&gt;</c>);
    /// the host does not start until a public key is configured or authorization is explicitly switched off.
    /// </summary>
    public static IServiceCollection AddCockpitVehicle(this IServiceCollection services, Action<VehicleOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<VehicleOptions>().Configure(configure).ValidateOnStart();
        services.AddOptions<VehicleAuthorizationOptions>().ValidateOnStart();
        if (services.Any(descriptor => descriptor.ServiceType == typeof(SimulatedVehicle)))
        {
            // Registered already: AddGrpc would add the interceptor again and AddCheck a second
            // "vehicle" check, which the health service refuses. A second call only adds its options.
            return services;
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<VehicleOptions>, VehicleOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<VehicleAuthorizationOptions>, VehicleAuthorizationOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider =>
        {
            var path = provider.GetRequiredService<IOptions<VehicleOptions>>().Value.CatalogPath;
            var catalog = path is null ? VssCatalogReader.ReadEmbedded() : VssCatalogReader.ReadFile(path);
            Log.CatalogLoaded(provider.GetRequiredService<ILogger<VssCatalog>>(), path ?? VssCatalogReader.EmbeddedCatalogName, catalog.Count);
            return catalog;
        });
        services.TryAddSingleton(provider => new SignalStore(provider.GetRequiredService<VssCatalog>(), provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ActuationInterlocks>();
        services.TryAddSingleton(provider => new VehicleCan(
            provider.GetRequiredService<VssCatalog>(),
            provider.GetRequiredService<SignalStore>(),
            provider.GetRequiredService<IOptions<VehicleOptions>>().Value,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILoggerFactory>()));
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<VehicleOptions>>();
            return new SimulatedVehicle(
                provider.GetRequiredService<SignalStore>(),
                provider.GetRequiredService<ActuationInterlocks>(),
                options,
                options.Value.Can.Enabled ? provider.GetRequiredService<VehicleCan>() : null);
        });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, SimulationLoop>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, CandumpReplayService>());
        services.TryAddSingleton<SubscriptionQuota>();
        services.TryAddSingleton<VehicleErrorInterceptor>();
        services.TryAddSingleton<VehicleAuthenticator>();
        services.TryAddSingleton<VehicleAuthorizationInterceptor>();

        services.AddCockpitGrpc();
        services.AddGrpc(grpc => grpc.Interceptors.Add<VehicleErrorInterceptor>());
        // Authorization and the message size limit apply to the vehicle's own services only: in the embedded
        // default the HMI and the agent share this host's gRPC options.
        AddApiOptions<ValService>(services);
        AddApiOptions<SimulationService>(services);
        AddApiOptions<CanBusService>(services);
        services.AddGrpcReflection();
        services.AddGrpcHealthChecks().AddCheck("vehicle", () => HealthCheckResult.Healthy("simulated car running"));
        return services;
    }

    /// <summary>
    /// Listens where <see cref="VehicleOptions"/> says: HTTP/2 on <c>Address:Port</c>, and on a Unix domain socket when set.
    /// </summary>
    public static void ListenForCockpitVehicle(this KestrelServerOptions kestrel)
    {
        ArgumentNullException.ThrowIfNull(kestrel);
        var options = kestrel.ApplicationServices.GetRequiredService<IOptions<VehicleOptions>>().Value;
        kestrel.Listen(IPAddress.Parse(options.Address), options.Port, listen => listen.Protocols = HttpProtocols.Http2);
        if (!string.IsNullOrEmpty(options.UnixSocketPath))
        {
            kestrel.ListenCockpitUnixSocket(options.UnixSocketPath);
        }
    }

    /// <summary>Maps kuksa.val.v2 VAL, cockpit.vehicle.v1 Simulation and CanBus, gRPC health and reflection.</summary>
    public static IEndpointRouteBuilder MapCockpitVehicle(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGrpcService<ValService>();
        endpoints.MapGrpcService<SimulationService>();
        endpoints.MapGrpcService<CanBusService>();
        endpoints.MapGrpcHealthChecksService();
        endpoints.MapGrpcReflectionService();

        // Open subscriptions end cleanly when the host stops, instead of holding the shutdown.
        var store = endpoints.ServiceProvider.GetRequiredService<SignalStore>();
        var lifetime = endpoints.ServiceProvider.GetRequiredService<IHostApplicationLifetime>();
        lifetime.ApplicationStopping.Register(store.CompleteAll);
        lifetime.ApplicationStarted.Register(() =>
        {
            if (endpoints.ServiceProvider.GetRequiredService<IOptions<VehicleAuthorizationOptions>>().Value.Insecure)
            {
                Log.AuthorizationOff(endpoints.ServiceProvider.GetRequiredService<ILogger<VehicleAuthenticator>>());
            }
        });
        return endpoints;
    }

    private static void AddApiOptions<TService>(IServiceCollection services)
        where TService : class =>
        services.AddOptions<GrpcServiceOptions<TService>>().Configure<IOptions<VehicleOptions>>((grpc, vehicle) =>
        {
            grpc.MaxReceiveMessageSize = vehicle.Value.MaxReceiveMessageSize;
            grpc.Interceptors.Add<VehicleAuthorizationInterceptor>();
        });
}
