namespace Cockpit.Speech.Training;

/// <summary>Size and placement of the synthetic speech corpus.</summary>
internal sealed record SpeechCorpusOptions
{
    public string OutputDirectory { get; init; } = "artifacts/speech/corpus";

    /// <summary>Generated training utterances (before those too long for the window are dropped).</summary>
    public int TrainUtterances { get; init; } = 5000;

    /// <summary>Augmented copies of each training utterance.</summary>
    public int Copies { get; init; } = 2;

    /// <summary>Generated held-out utterances (held-out phrasings, held-out voices).</summary>
    public int TestUtterances { get; init; } = 400;

    public int Seed { get; init; } = 8;

    /// <summary>Training copies without noise, reverb or telephone band (gain only), for checking alignment first.</summary>
    public bool Clean { get; init; }

    /// <summary>Encoder positions; the window is n_audio_ctx / 50 s.</summary>
    public int AudioContext { get; init; } = 200;

    public int Mels { get; init; } = 80;

    /// <summary>Most text units per transcript: whisper.cpp generates at most n_text_ctx / 2 − 4 tokens, end-of-text included.</summary>
    public int MaxUnits { get; init; } = 34;

    /// <summary>Concurrent espeak-ng processes.</summary>
    public int Parallelism { get; init; } = 2;
}
