using Cockpit.Understanding;
using Microsoft.Extensions.Options;

namespace Cockpit.Agent;

/// <summary>Resolves the model's relative folder beside the binary and the table cache's in the agent's data directory.</summary>
internal sealed class ResolveUnderstandingPaths(IOptions<AgentOptions> agent) : IPostConfigureOptions<UnderstandingOptions>
{
    public void PostConfigure(string? name, UnderstandingOptions options)
    {
        options.ModelDirectory = Path.GetFullPath(options.ModelDirectory, AppContext.BaseDirectory);
        options.CacheDirectory = Path.GetFullPath(options.CacheDirectory, agent.Value.ResolvedDataDirectory);
    }
}
