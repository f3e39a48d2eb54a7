using Cockpit.ServiceDefaults.Security;
using Microsoft.Extensions.Options;

namespace Cockpit.Gui.Security;

/// <summary>Who may call the HMI: one token check shared by its gRPC edge and its watch page.</summary>
internal sealed class HmiCallers(IOptions<GuiAuthorizationOptions> options)
{
    /// <summary>Checks tokens against <c>Gui:Authorization</c>.</summary>
    public BearerTokenValidator Validator { get; } = new(options.Value);
}
