using System.Net;
using System.Net.Sockets;
using Cockpit.Agent.HeadUnit;
using Cockpit.Console;
using Cockpit.Gui;
using Cockpit.ServiceDefaults.Grpc;
using Cockpit.Vehicle;
using Microsoft.AspNetCore.Connections;

namespace Cockpit.Agent.Hosting;

/// <summary>
/// Builds the processes Cockpit runs as: the embedded default (the simulated car, the HMI, the agent and the console in
/// one process, each on its own loopback port, talking over real gRPC), the agent alone, or the console alone.
/// </summary>
internal static class CockpitHost
{
    private const int FreePortAttempts = 5;

    /// <summary>
    /// Builds and starts the embedded default. <paramref name="freePorts"/> picks unused ports (eval, say, tests)
    /// instead of the configured ones.
    /// </summary>
    public static Task<WebApplication> StartEmbeddedAsync(string[] configurationArgs, bool freePorts, double? timeScale = null, CancellationToken cancellationToken = default) =>
        StartEmbeddedAsync(configurationArgs, freePorts ? FreeTcpPort : null, timeScale, cancellationToken);

    /// <summary>
    /// Builds and starts the embedded default on ports from <paramref name="freePort"/> (the configured ones when null).
    /// A port found free can be taken by another process before Kestrel binds it; the whole process is then built
    /// again on fresh ports.
    /// </summary>
    internal static async Task<WebApplication> StartEmbeddedAsync(string[] configurationArgs, Func<int>? freePort, double? timeScale, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var app = BuildEmbedded(configurationArgs, freePort, timeScale);
            try
            {
                await app.StartAsync(cancellationToken);
                return app;
            }
            catch (Exception error)
            {
                // Services that started before the failing one are stopped before the next try or the error.
                await app.StopAsync(CancellationToken.None);
                await app.DisposeAsync();
                if (freePort is null || attempt == FreePortAttempts || error is not IOException { InnerException: AddressInUseException })
                {
                    throw;
                }
            }
        }
    }

    /// <summary>The embedded default: the simulated car, the simulated HMI, the agent and the console.</summary>
    private static WebApplication BuildEmbedded(string[] configurationArgs, Func<int>? freePort, double? timeScale)
    {
        var builder = HeadUnitAgent.CreateBuilder(configurationArgs);
        var vehicleSection = builder.Configuration.GetSection(VehicleOptions.SectionName);
        var vehiclePort = freePort is not null ? freePort() : vehicleSection.GetValue(nameof(VehicleOptions.Port), 55555);
        var vehicleAddress = vehicleSection.GetValue(nameof(VehicleOptions.Address), "127.0.0.1")!;
        builder.Services.AddCockpitVehicle(vehicleSection);
        builder.Services.Configure<VehicleOptions>(options =>
        {
            options.Port = vehiclePort;
            options.TimeScale = timeScale ?? options.TimeScale;
        });
        var vehicleUrl = $"http://{vehicleAddress}:{vehiclePort}";
        var guiSection = builder.Configuration.GetSection(GuiOptions.SectionName);
        var hmiUrl = freePort is not null ? $"http://127.0.0.1:{freePort()}" : guiSection.GetValue(nameof(GuiOptions.Url), "http://127.0.0.1:55556")!;
        builder.Services.AddCockpitGui(guiSection);
        builder.Services.Configure<GuiOptions>(options =>
        {
            options.Url = hmiUrl;
            options.PageUrl = freePort is not null ? $"http://127.0.0.1:{freePort()}" : options.PageUrl;
            options.VehicleAddress = vehicleUrl;
        });
        var agentSection = builder.Configuration.GetSection(AgentOptions.SectionName);
        var agentPort = freePort is not null ? freePort() : agentSection.GetValue(nameof(AgentOptions.Port), 55557);
        var agentUrl = new UriBuilder(Uri.UriSchemeHttp, agentSection.GetValue(nameof(AgentOptions.Address), "127.0.0.1"), agentPort).Uri.ToString().TrimEnd('/');
        builder.Services.AddHeadUnitAgent(builder.Configuration);
        builder.Services.Configure<AgentOptions>(options =>
        {
            options.VehicleAddress = new Uri(vehicleUrl);
            options.HmiAddress = new Uri(hmiUrl);
            options.Port = agentPort;
        });
        var consoleUrl = freePort is not null ? $"http://127.0.0.1:{freePort()}" : null;
        builder.Services.AddCockpitConsole(builder.Configuration.GetSection(ConsoleOptions.SectionName));
        builder.Services.Configure<ConsoleOptions>(options =>
        {
            options.Url = consoleUrl ?? options.Url;
            (options.AgentAddress, options.HmiAddress, options.VehicleAddress) = (agentUrl, hmiUrl, vehicleUrl);
        });
        EmbeddedAuthorization.Create().AddTo(builder.Services); // an ephemeral key; least-scope tokens for every client
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.ListenForCockpitVehicle();
            kestrel.ListenForCockpitGui();
            kestrel.ListenForCockpitAgent();
            kestrel.ListenForCockpitConsole();
        });

        var app = builder.Build();
        app.UseMalformedRequestStatus();
        app.MapCockpitVehicle();
        app.MapCockpitGui();
        app.MapCockpitAgent();
        app.MapCockpitConsole();
        return app;
    }

    /// <summary>The console alone, against the services at <c>Console:AgentAddress</c>, <c>HmiAddress</c> and <c>VehicleAddress</c>.</summary>
    public static WebApplication BuildConsoleOnly(string[] configurationArgs)
    {
        var builder = HeadUnitAgent.CreateBuilder(configurationArgs);
        builder.Services.AddCockpitConsole(builder.Configuration.GetSection(ConsoleOptions.SectionName));
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenForCockpitConsole());
        var app = builder.Build();
        app.MapCockpitConsole();
        return app;
    }

    internal static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
