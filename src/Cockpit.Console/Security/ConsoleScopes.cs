namespace Cockpit.Console.Security;

/// <summary>The scopes of the console's own tokens.</summary>
public static class ConsoleScopes
{
    /// <summary>Open the console's page and use its API.</summary>
    public const string Use = "console";
}
