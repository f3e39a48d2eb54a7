using Cockpit.ServiceDefaults.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cockpit.Agent.Security;

/// <summary>The agent's edge: <c>converse</c> to talk, <c>watch</c> to read what occupants said and the accuracy report.</summary>
internal sealed class AgentAuthorizationInterceptor(IOptions<AgentAuthorizationOptions> options, ILogger<AgentAuthorizationInterceptor> logger)
    : ScopeAuthorizationInterceptor(new BearerTokenValidator(options.Value), logger)
{
    private static readonly Dictionary<string, string> s_scopes = new(StringComparer.Ordinal)
    {
        [$"/{V1.Agent.Descriptor.FullName}/{nameof(V1.Agent.AgentBase.Converse)}"] = AgentScopes.Converse,
        [$"/{V1.Agent.Descriptor.FullName}/{nameof(V1.Agent.AgentBase.ConverseVoice)}"] = AgentScopes.Converse,
        [$"/{V1.Agent.Descriptor.FullName}/{nameof(V1.Agent.AgentBase.WatchInteractions)}"] = AgentScopes.Watch,
        [$"/{V1.Agent.Descriptor.FullName}/{nameof(V1.Agent.AgentBase.GetReport)}"] = AgentScopes.Watch,
    };

    protected override IReadOnlyDictionary<string, string> RequiredScopes => s_scopes;
}
