using Cockpit.Speech.Recognition.Ggml;

namespace Cockpit.Speech.Training;

/// <summary>Size of the domain Whisper model (one state size for encoder and decoder, as whisper.cpp requires).</summary>
internal sealed record SpeechModelConfig
{
    public int Dim { get; init; } = 192;

    public int Heads { get; init; } = 3;

    public int AudioLayers { get; init; } = 3;

    /// <summary>Two decoder layers: whisper.cpp then decodes without timestamps, the prefix the model is trained on.</summary>
    public int TextLayers { get; init; } = 2;

    public int AudioContext { get; init; } = 200;

    public int TextContext { get; init; } = 80;

    public int Mels { get; init; } = 80;

    /// <summary>The ggml header (f16 weights, the full multilingual id space).</summary>
    public WhisperHyperParameters HyperParameters() => new(
        NVocab: SpeechVocabulary.FullVocabulary, NAudioCtx: AudioContext, NAudioState: Dim, NAudioHead: Heads, NAudioLayer: AudioLayers,
        NTextCtx: TextContext, NTextState: Dim, NTextHead: Heads, NTextLayer: TextLayers, NMels: Mels, FType: 1);
}
