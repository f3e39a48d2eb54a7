using Microsoft.Extensions.Options;

namespace Cockpit.Agent.Security;

/// <summary>Checks <see cref="AgentAuthorizationOptions"/> at start (source-generated; the key check is the options' own).</summary>
[OptionsValidator]
internal sealed partial class AgentAuthorizationOptionsValidator : IValidateOptions<AgentAuthorizationOptions>;
