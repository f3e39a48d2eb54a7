using System.Net;
using Cockpit.Gui.Grpc;
using Cockpit.Gui.Hmi;
using Cockpit.Gui.Screens;
using Cockpit.Gui.Security;
using Cockpit.Gui.Vehicle;
using Cockpit.Gui.Web;
using Cockpit.ServiceDefaults.Grpc;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Cockpit.Gui;

/// <summary>Registers, maps and listens for the simulated HMI (Cockpit.Gui).</summary>
public static class GuiServiceCollectionExtensions
{
    /// <summary>The largest request the HMI accepts (its requests are a few hundred bytes).</summary>
    private const int MaxReceiveMessageSize = 64 * 1024;

    /// <summary>Adds the HMI with default <see cref="GuiOptions"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddCockpitGui(this IServiceCollection services) => services.AddCockpitGui(_ => { });

    /// <summary>Adds the HMI, its options read from a configuration section (usually "Gui").</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="section">The section holding <see cref="GuiOptions"/>.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddCockpitGui(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        services.AddOptions<GuiAuthorizationOptions>().Bind(section.GetSection("Authorization"));
        return services.AddCockpitGui(options => section.Bind(options));
    }

    /// <summary>Adds the HMI, its options set in code. A second call only adds the configuration.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets <see cref="GuiOptions"/>.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddCockpitGui(this IServiceCollection services, Action<GuiOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<GuiOptions>().Configure(configure).ValidateOnStart();
        services.AddOptions<GuiAuthorizationOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GuiOptions>, GuiOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GuiAuthorizationOptions>, GuiAuthorizationOptionsValidator>());
        services.AddCockpitGrpc();
        services.TryAddSingleton<HmiCallers>();
        services.TryAddSingleton<HmiAuthorizationInterceptor>();
        services.AddOptions<GrpcServiceOptions<HmiGrpcService>>().Configure(grpc =>
        {
            grpc.MaxReceiveMessageSize = MaxReceiveMessageSize;
            grpc.Interceptors.Add<HmiAuthorizationInterceptor>();
        });
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<GuiOptions>>().Value;
            var catalog = ScreenFileReader.Load(
                options.ScreensFile, options.ContentFile,
                (options.GeneratedTracks, options.GeneratedPlaces, options.GeneratedContacts, options.GeneratedContentSeed));
            var logger = provider.GetRequiredService<ILogger<HmiEngine>>();
            Log.HmiReady(
                logger,
                catalog.Screens.Count, catalog.Content.Tracks.Count, catalog.Content.Places.Count, catalog.Content.Contacts.Count);
            return catalog;
        });
        services.TryAddSingleton<VehicleLink>();
        services.TryAddSingleton<ScreenRenderer>();
        services.TryAddSingleton<CommandRunner>();
        services.TryAddSingleton<ActionExecutor>();
        services.TryAddSingleton<HmiEngine>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, VehicleSubscriptionService>());
        return services;
    }

    /// <summary>
    /// Listens where <see cref="GuiOptions"/> says: gRPC over HTTP/2 on <see cref="GuiOptions.Url"/> and, when set,
    /// <see cref="GuiOptions.UnixSocketPath"/>; the watch page over HTTP/1.1 on <see cref="GuiOptions.PageUrl"/>.
    /// </summary>
    /// <param name="kestrel">The Kestrel options of the host that runs the HMI alone.</param>
    public static void ListenForCockpitGui(this KestrelServerOptions kestrel)
    {
        ArgumentNullException.ThrowIfNull(kestrel);
        var options = kestrel.ApplicationServices.GetRequiredService<IOptions<GuiOptions>>().Value;
        Listen(kestrel, options.Url, HttpProtocols.Http2);
        if (!string.IsNullOrEmpty(options.UnixSocketPath))
        {
            kestrel.ListenCockpitUnixSocket(options.UnixSocketPath);
        }

        if (!string.IsNullOrEmpty(options.PageUrl))
        {
            Listen(kestrel, options.PageUrl, HttpProtocols.Http1);
        }
    }

    private static void Listen(KestrelServerOptions kestrel, string url, HttpProtocols protocols)
    {
        var uri = new Uri(url);
        var address = uri.Host is "localhost" ? IPAddress.Loopback : IPAddress.Parse(uri.Host);
        kestrel.Listen(address, uri.Port, listen => listen.Protocols = protocols);
    }

    /// <summary>Maps the cockpit.hmi.v1 Hmi gRPC service and the watch page under <c>/hmi/</c>.</summary>
    /// <param name="endpoints">The endpoint route builder of the host.</param>
    /// <returns>The same endpoint route builder.</returns>
    public static IEndpointRouteBuilder MapCockpitGui(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGrpcService<HmiGrpcService>();
        WatchPage.Map(endpoints);
        return endpoints;
    }
}
