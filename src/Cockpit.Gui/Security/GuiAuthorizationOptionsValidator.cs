using Microsoft.Extensions.Options;

namespace Cockpit.Gui.Security;

/// <summary>Checks <see cref="GuiAuthorizationOptions"/> at start (source-generated; the key check is the options' own).</summary>
[OptionsValidator]
internal sealed partial class GuiAuthorizationOptionsValidator : IValidateOptions<GuiAuthorizationOptions>;
