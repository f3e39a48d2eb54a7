using Cockpit.Speech.Vad;

namespace Cockpit.Speech.Tests.TestSupport;

/// <summary>The embedded Silero model, loaded once for all tests (sessions are thread-safe).</summary>
internal static class SharedVad
{
    private static readonly Lazy<SileroVadModel> Loaded = new(() => SileroVadModel.Load(null));

    public static SileroVadModel Model => Loaded.Value;

    public static UtteranceDetector Detector(Action<SpeechOptions>? configure = null)
    {
        var options = new SpeechOptions();
        configure?.Invoke(options);
        return new UtteranceDetector(Model, EndpointerSettings.From(options));
    }
}
