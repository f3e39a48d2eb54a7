using Cockpit.ServiceDefaults.Security;

namespace Cockpit.Agent.Security;

/// <summary>
/// Who may talk to the agent, bound from <c>Agent:Authorization</c> (keys: <see cref="TokenAuthorizationOptions"/>).
/// <c>Converse</c> and <c>ConverseVoice</c> need the scope <c>converse</c>; <c>WatchInteractions</c> (what occupants
/// said) and <c>GetReport</c> (the accuracy report) need <c>watch</c>.
/// </summary>
public sealed class AgentAuthorizationOptions : TokenAuthorizationOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Agent:Authorization";

    /// <inheritdoc />
    protected override string Section => SectionName;
}
