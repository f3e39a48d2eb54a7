namespace Cockpit.Agent.Security;

/// <summary>The scopes of the agent's tokens.</summary>
public static class AgentScopes
{
    /// <summary>Talk to the agent (Converse, ConverseVoice).</summary>
    public const string Converse = "converse";

    /// <summary>Read what occupants said and what the agent did (WatchInteractions, GetReport).</summary>
    public const string Watch = "watch";
}
