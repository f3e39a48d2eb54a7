using System.Net;
using Cockpit.Agent.Conversations;
using Cockpit.Agent.Execution;
using Cockpit.Agent.Grpc;
using Cockpit.Agent.Hosting;
using Cockpit.Agent.Interactions;
using Cockpit.Agent.Replies;
using Cockpit.Agent.Screen;
using Cockpit.Agent.Security;
using Cockpit.ServiceDefaults.Grpc;
using Cockpit.Speech;
using Cockpit.Understanding;
using Cockpit.Understanding.Resolution;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cockpit.Agent;

/// <summary>Registers and maps the agent: understanding, execution against the vehicle service, screen tasks, replies, the interaction log, speech.</summary>
public static class AgentServiceCollectionExtensions
{
    /// <summary>The largest request message the agent accepts: a turn's text or a chunk of audio is far smaller.</summary>
    private const int MaxReceiveMessageSize = 1024 * 1024;

    /// <summary>Adds the agent with options bound from a configuration section (see <see cref="AgentOptions"/>).</summary>
    public static IServiceCollection AddCockpitAgent(this IServiceCollection services, IConfiguration section)
    {
        services.AddOptions<AgentOptions>().Bind(section);
        services.AddUnderstandingDefaults();
        services.AddOptions<UnderstandingOptions>().Bind(section.GetSection(UnderstandingOptions.SectionName));
        services.AddOptions<AgentAuthorizationOptions>().Bind(section.GetSection("Authorization"));
        services.AddOptions<ScreenAgentOptions>().Bind(section.GetSection("Screen"));
        return services.AddCockpitAgent(_ => { });
    }

    /// <summary>Adds the agent; <paramref name="configure"/> adjusts the options.</summary>
    public static IServiceCollection AddCockpitAgent(this IServiceCollection services, Action<AgentOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<AgentOptions>().Configure(configure).ValidateOnStart();
        services.AddOptions<AgentAuthorizationOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AgentOptions>, AgentOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AgentAuthorizationOptions>, AgentAuthorizationOptionsValidator>());
        services.AddUnderstandingDefaults();
        services.AddOptions<UnderstandingOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<UnderstandingOptions>, UnderstandingOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<UnderstandingOptions>>().Value;
            var understander = UtteranceUnderstander.Open(options);
            Log.ModelLoaded(provider.GetRequiredService<ILogger<UtteranceUnderstander>>(), understander.Manifest.Version, options.ModelDirectory, understander.UsesFusedKernel);
            return understander;
        });
        services.TryAddSingleton(provider => new ActionResolver(provider.GetRequiredService<UtteranceUnderstander>().Catalog));
        services.TryAddSingleton(provider => new ReplyComposer(provider.GetRequiredService<UtteranceUnderstander>().Catalog));
        services.TryAddSingleton(provider => new AnswerComposer(provider.GetRequiredService<UtteranceUnderstander>().Catalog, provider.GetRequiredService<ReplyComposer>()));
        services.AddVehicleClient();
        services.TryAddSingleton<ConversationStore>();
        services.AddMetrics();
        services.TryAddSingleton<AgentMetrics>();
        services.TryAddSingleton<InteractionLog>();
        services.TryAddSingleton<InteractionFeed>();
        services.TryAddSingleton<FeedbackTracker>();
        services.TryAddSingleton<AgentPipeline>();
        services.AddHmiClient();
        services.AddScreenAgent();
        services.AddCockpitSpeech();
        services.TryAddSingleton<RecognitionVocabulary>();
        services.TryAddSingleton<VoicePipeline>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, UnderstandingModelPreload>());

        services.AddCockpitGrpc();
        services.TryAddSingleton<AgentAuthorizationInterceptor>();
        services.AddOptions<GrpcServiceOptions<AgentService>>().Configure(grpc =>
        {
            grpc.MaxReceiveMessageSize = MaxReceiveMessageSize;
            grpc.Interceptors.Add<AgentAuthorizationInterceptor>();
        });
        services.AddGrpcHealthChecks().AddCheck<SpeechHealthCheck>("speech");
        return services;
    }

    /// <summary>
    /// The agent's reading of <c>Agent:Understanding</c>: the lookup-table cache lives in the data directory, and relative
    /// paths are resolved there (the cache) and beside the binary (the model). Registered once, before any binding.
    /// </summary>
    private static void AddUnderstandingDefaults(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<UnderstandingOptions>>(new ConfigureOptions<UnderstandingOptions>(options => options.CacheDirectory = "cache")));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<UnderstandingOptions>, ResolveUnderstandingPaths>());
    }

    /// <summary>Listens where <see cref="AgentOptions"/> says: HTTP/2 on <c>Address:Port</c>, and on a Unix domain socket when set.</summary>
    public static void ListenForCockpitAgent(this KestrelServerOptions kestrel)
    {
        ArgumentNullException.ThrowIfNull(kestrel);
        var options = kestrel.ApplicationServices.GetRequiredService<IOptions<AgentOptions>>().Value;
        kestrel.Listen(IPAddress.Parse(options.Address), options.Port, listen => listen.Protocols = HttpProtocols.Http2);
        if (!string.IsNullOrEmpty(options.UnixSocketPath))
        {
            kestrel.ListenCockpitUnixSocket(options.UnixSocketPath);
        }
    }

    /// <summary>Maps cockpit.agent.v1 Agent and gRPC health.</summary>
    public static IEndpointRouteBuilder MapCockpitAgent(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGrpcService<AgentService>();
        endpoints.MapGrpcHealthChecksService();
        return endpoints;
    }
}
