using Cockpit.Speech;
using Microsoft.Extensions.Options;

namespace Cockpit.Agent.HeadUnit;

/// <summary>
/// A relative <c>Speech:ModelPath</c> is a model that travels with the binary, so it is resolved beside it; an empty one
/// means no model (a host can turn off the one its settings name with <c>--Speech:ModelPath=</c>).
/// </summary>
internal sealed class ResolveSpeechModelPath : IPostConfigureOptions<SpeechOptions>
{
    public void PostConfigure(string? name, SpeechOptions options) =>
        options.ModelPath = string.IsNullOrWhiteSpace(options.ModelPath) ? null : Path.GetFullPath(options.ModelPath, AppContext.BaseDirectory);
}
