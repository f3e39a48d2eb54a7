using Microsoft.Extensions.Options;

namespace Cockpit.Gui;

/// <summary>Checks <see cref="GuiOptions"/> against their data annotations before the host starts.</summary>
[OptionsValidator]
internal sealed partial class GuiOptionsValidator : IValidateOptions<GuiOptions>;
