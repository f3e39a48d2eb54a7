using Cockpit.ServiceDefaults.Security;
using Microsoft.Extensions.Options;

namespace Cockpit.Console.Security;

/// <summary>Who may use the console: one token check for its page and API.</summary>
internal sealed class ConsoleCallers(IOptions<ConsoleAuthorizationOptions> options)
{
    /// <summary>The cookie that keeps the page's token.</summary>
    public const string TokenCookie = "cockpit_console";

    /// <summary>Checks tokens against <c>Console:Authorization</c>.</summary>
    public BearerTokenValidator Validator { get; } = new(options.Value);
}
