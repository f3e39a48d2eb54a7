using Microsoft.Extensions.Options;

namespace Cockpit.Speech;

/// <summary>Checks <see cref="SpeechOptions"/> data annotations at start (source-generated).</summary>
[OptionsValidator]
internal sealed partial class SpeechOptionsValidator : IValidateOptions<SpeechOptions>;
