namespace Cockpit.Speech.Recognition.Ggml;

/// <summary>The eleven int32 hyper-parameters after the magic, in file order.</summary>
internal sealed record WhisperHyperParameters(
    int NVocab,
    int NAudioCtx,
    int NAudioState,
    int NAudioHead,
    int NAudioLayer,
    int NTextCtx,
    int NTextState,
    int NTextHead,
    int NTextLayer,
    int NMels,
    int FType)
{
    /// <summary>Vocabulary size of the English-only models; multilingual ones have at least 51865.</summary>
    public const int EnglishVocabulary = 51864;

    /// <summary>Whether the model has language tokens (whisper.cpp: <c>n_vocab &gt;= 51865</c>).</summary>
    public bool IsMultilingual => NVocab >= EnglishVocabulary + 1;

    /// <summary>The end-of-text token id, from which on ids are special.</summary>
    public int EndOfText => IsMultilingual ? 50257 : 50256;

    /// <summary>The audio window the model hears in one pass: 50 encoder positions per second.</summary>
    public TimeSpan Window => TimeSpan.FromSeconds(NAudioCtx / 50.0);

    /// <summary>The file type without the quantization version (<c>ftype % 1000</c>).</summary>
    public int BaseFType => FType % 1000;

    /// <summary>The values in file order.</summary>
    public int[] ToArray() => [NVocab, NAudioCtx, NAudioState, NAudioHead, NAudioLayer, NTextCtx, NTextState, NTextHead, NTextLayer, NMels, FType];
}
