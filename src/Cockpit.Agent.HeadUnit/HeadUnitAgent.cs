using Cockpit.Agent.Uplink;
using Cockpit.ServiceDefaults;
using Cockpit.ServiceDefaults.Grpc;
using Cockpit.ServiceDefaults.Logging;
using Cockpit.Speech;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Serilog;
using Serilog.Events;

namespace Cockpit.Agent.HeadUnit;

/// <summary>
/// Composes the agent as it runs on a head unit: the turn pipeline with the screen agent, the optional uplink and speech,
/// served as cockpit.agent.v1 on <c>Agent:Address:Port</c>. Hosts that add the simulators beside it (the embedded
/// default) start from the same builder and services.
/// </summary>
internal static class HeadUnitAgent
{
    /// <summary>The agent alone, against the vehicle service at <c>Agent:VehicleAddress</c> and the HMI at <c>Agent:HmiAddress</c>.</summary>
    public static WebApplication Build(string[] configurationArgs)
    {
        var builder = CreateBuilder(configurationArgs);
        builder.Services.AddHeadUnitAgent(builder.Configuration);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenForCockpitAgent());
        var app = builder.Build();
        app.UseMalformedRequestStatus();
        app.MapCockpitAgent(); // maps gRPC health too; a second mapping made every health check ambiguous (500)
        return app;
    }

    /// <summary>Adds the agent's parts with their options bound from <c>Agent</c> and <c>Speech</c>.</summary>
    public static IServiceCollection AddHeadUnitAgent(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCockpitAgent(configuration.GetSection(AgentOptions.SectionName));
        services.AddInteractionUplink();
        services.AddCockpitSpeech(configuration.GetSection(SpeechOptions.SectionName));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<SpeechOptions>, ResolveSpeechModelPath>());
        return services;
    }

    /// <summary>A web host builder with Cockpit's logging (journald-friendly console, rolling JSON file) and systemd integration.</summary>
    public static WebApplicationBuilder CreateBuilder(string[] configurationArgs)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = configurationArgs, ContentRootPath = AppContext.BaseDirectory });
        // The console shows warnings (people read it); the rolling JSON file keeps every structured event,
        // interaction records included, within a bounded size.
        var consoleLevel = builder.Configuration.GetValue("Logging:ConsoleLevel", LogEventLevel.Warning);
        var logDirectory = Path.Combine(new AgentOptions { DataDirectory = builder.Configuration["Agent:DataDirectory"] }.ResolvedDataDirectory, "logs");
        builder.Services.AddSerilog((services, logging) => logging
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .WriteTo.CockpitConsole(consoleLevel, standardErrorFromLevel: LogEventLevel.Verbose)
            .WriteTo.CockpitFile(builder.Configuration, "cockpit", defaultDirectory: logDirectory)); // Logging:File:Directory wins
        builder.Services.AddCockpitSystemd(); // notify + watchdog under systemd (deploy/systemd), a no-op elsewhere
        return builder;
    }
}
