using Microsoft.Extensions.Options;

namespace Cockpit.Console.Security;

/// <summary>Checks <see cref="ConsoleAuthorizationOptions"/> at start (source-generated; the key check is the options' own).</summary>
[OptionsValidator]
internal sealed partial class ConsoleAuthorizationOptionsValidator : IValidateOptions<ConsoleAuthorizationOptions>;
