using System.Net;
using Cockpit.Console.Security;
using Cockpit.Console.Upstream;
using Cockpit.Console.Web;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Cockpit.Console;

/// <summary>Registers, maps and listens for the web console (Cockpit.Console).</summary>
public static class ConsoleServiceCollectionExtensions
{
    /// <summary>Adds the console with options bound from a configuration section (usually "Console"; see <see cref="ConsoleOptions"/>).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="section">The section holding <see cref="ConsoleOptions"/> and, under <c>Authorization</c>, <see cref="ConsoleAuthorizationOptions"/>.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddCockpitConsole(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        services.AddOptions<ConsoleAuthorizationOptions>().Bind(section.GetSection("Authorization"));
        return services.AddCockpitConsole(options => section.Bind(options));
    }

    /// <summary>Adds the console, its options set in code. A second call only adds the configuration.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets <see cref="ConsoleOptions"/>.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddCockpitConsole(this IServiceCollection services, Action<ConsoleOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<ConsoleOptions>().Configure(configure).ValidateOnStart();
        services.AddOptions<ConsoleAuthorizationOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConsoleOptions>, ConsoleOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConsoleAuthorizationOptions>, ConsoleAuthorizationOptionsValidator>());
        services.TryAddSingleton<ConsoleCallers>();
        services.TryAddSingleton<ConsoleClients>();
        services.TryAddSingleton<ConsoleEventStream>();
        return services;
    }

    /// <summary>Listens on <see cref="ConsoleOptions.Url"/> over HTTP/1.1 (browsers speak HTTP/2 only over TLS).</summary>
    /// <param name="kestrel">The Kestrel options of the host that serves the console.</param>
    public static void ListenForCockpitConsole(this KestrelServerOptions kestrel)
    {
        ArgumentNullException.ThrowIfNull(kestrel);
        var uri = new Uri(kestrel.ApplicationServices.GetRequiredService<IOptions<ConsoleOptions>>().Value.Url);
        var address = uri.Host is "localhost" ? IPAddress.Loopback : IPAddress.Parse(uri.Host.Trim('[', ']'));
        kestrel.Listen(address, uri.Port, listen => listen.Protocols = HttpProtocols.Http1);
    }

    /// <summary>Maps the console's page and API under <c>/console/</c>.</summary>
    /// <param name="endpoints">The endpoint route builder of the host.</param>
    /// <returns>The same endpoint route builder.</returns>
    public static IEndpointRouteBuilder MapCockpitConsole(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ConsolePage.Map(endpoints);
        return endpoints;
    }

    /// <summary>The page's address for a person: <see cref="ConsoleOptions.Url"/><c>/console/?token=</c><paramref name="token"/>.</summary>
    /// <param name="options">The console's options.</param>
    /// <param name="token">A token with the scope <c>console</c>; the browser keeps it in a cookie and drops it from the address bar.</param>
    /// <returns>The address to open.</returns>
    public static string PageAddress(this ConsoleOptions options, string? token)
    {
        ArgumentNullException.ThrowIfNull(options);
        var page = $"{options.Url.TrimEnd('/')}/console/";
        return string.IsNullOrEmpty(token) ? page : $"{page}?{ServiceDefaults.Web.PageAccessFilter.TokenParameter}={Uri.EscapeDataString(token)}";
    }
}
