namespace Cockpit.Speech.Vad;

/// <summary>The endpointer's parameters, in 16 kHz samples, taken from <see cref="SpeechOptions"/>.</summary>
internal readonly record struct EndpointerSettings(
    EndpointingMode Mode,
    float Threshold,
    float NegativeThreshold,
    int MinSpeechSamples,
    int TrailingSilenceSamples,
    long MaxUtteranceSamples,
    int PreRollSamples,
    int TailPaddingSamples)
{
    /// <summary>Converts the options into sample counts.</summary>
    public static EndpointerSettings From(SpeechOptions options) => new(
        options.Mode,
        options.SpeechThreshold,
        Math.Max(0.01f, options.SpeechThreshold - 0.15f),
        ToSamples(options.MinSpeech),
        ToSamples(options.TrailingSilence),
        ToSamples(options.MaxUtterance),
        ToSamples(options.PreRoll),
        ToSamples(options.TailPadding));

    private static int ToSamples(TimeSpan time) => (int)(time.TotalSeconds * 16_000);
}
