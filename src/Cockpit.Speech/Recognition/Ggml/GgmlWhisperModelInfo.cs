namespace Cockpit.Speech.Recognition.Ggml;

/// <summary>What the validator learnt about a model file.</summary>
internal sealed record GgmlWhisperModelInfo(
    string Path,
    WhisperHyperParameters HyperParameters,
    int VocabularyInFile,
    bool HasBlankToken,
    int TensorCount,
    long FileBytes);
