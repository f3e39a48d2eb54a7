using Cockpit.ServiceDefaults.Security;

namespace Cockpit.Gui.Security;

/// <summary>
/// Who may use the HMI, bound from <c>Gui:Authorization</c> (keys: <see cref="TokenAuthorizationOptions"/>).
/// <c>GetScreen</c>, <c>WatchScreen</c>, <c>GetState</c> and the watch page need the scope <c>observe</c>; <c>Act</c>
/// needs <c>act</c>; <c>Reset</c> (the test bench's) needs <c>simulate</c>.
/// </summary>
public sealed class GuiAuthorizationOptions : TokenAuthorizationOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Gui:Authorization";

    /// <inheritdoc />
    protected override string Section => SectionName;
}
