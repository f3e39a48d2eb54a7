using Microsoft.Extensions.Options;

namespace Cockpit.Agent;

/// <summary>Checks <see cref="AgentOptions"/> data annotations at start (source-generated).</summary>
[OptionsValidator]
internal sealed partial class AgentOptionsValidator : IValidateOptions<AgentOptions>;
