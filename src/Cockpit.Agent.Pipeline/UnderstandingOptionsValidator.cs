using Cockpit.Understanding;
using Microsoft.Extensions.Options;

namespace Cockpit.Agent;

/// <summary>Checks <see cref="UnderstandingOptions"/> data annotations at start (source-generated).</summary>
[OptionsValidator]
internal sealed partial class UnderstandingOptionsValidator : IValidateOptions<UnderstandingOptions>;
