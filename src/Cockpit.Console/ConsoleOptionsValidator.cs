using Microsoft.Extensions.Options;

namespace Cockpit.Console;

/// <summary>Checks <see cref="ConsoleOptions"/> at start (source-generated from its data annotations and <c>Validate</c>).</summary>
[OptionsValidator]
internal sealed partial class ConsoleOptionsValidator : IValidateOptions<ConsoleOptions>;
