using Cockpit.ServiceDefaults.Security;

namespace Cockpit.Console.Security;

/// <summary>
/// Who may open the console, bound from <c>Console:Authorization</c> (keys: <see cref="TokenAuthorizationOptions"/>). The
/// page and its API need a token with the scope <c>console</c> (<see cref="ConsoleScopes.Use"/>), signed by the key the
/// other services trust; set <c>Audience</c> (the embedded default uses <c>cockpit-console</c>) so that a token issued
/// for another service does not open the console. The browser brings it once as <c>?token=</c> and keeps it in an
/// HTTP-only cookie.
/// </summary>
public sealed class ConsoleAuthorizationOptions : TokenAuthorizationOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Console:Authorization";

    /// <inheritdoc />
    protected override string Section => SectionName;
}
