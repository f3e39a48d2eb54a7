namespace Cockpit.Speech.Training;

/// <summary>Training run of the domain speech model.</summary>
internal sealed record SpeechTrainingOptions
{
    public string CorpusDirectory { get; init; } = "artifacts/speech/corpus";

    public string OutputDirectory { get; init; } = "artifacts/speech/run";

    public int Steps { get; init; } = 100_000;

    public int Batch { get; init; } = 16;

    public int Threads { get; init; } = 1;

    /// <summary>Wall-clock budget; the learning rate's cosine decay follows whichever of steps or time runs out first.</summary>
    public double MaxMinutes { get; init; } = 60;

    public double LearningRate { get; init; } = 1.5e-3;

    public int Warmup { get; init; } = 200;

    public int Seed { get; init; } = 8;

    /// <summary>Steps between checkpoints (a ggml export and the TorchSharp state), so a stopped run can still ship.</summary>
    public int CheckpointEvery { get; init; } = 250;

    /// <summary>Weight of the training-only CTC loss on the encoder (0: none).</summary>
    public double CtcWeight { get; init; } = 0.3;

    /// <summary>
    /// Steps at the start in which the CTC loss trains its head alone, the encoder getting none of its gradient: for a
    /// run that continues a shipped model (<see cref="Init"/>), whose CTC head starts afresh.
    /// </summary>
    public int CtcHeadSteps { get; init; }

    /// <summary>Train the encoder alone on the CTC loss (the decoder is neither run nor updated): the alignment check.</summary>
    public bool CtcOnly { get; init; }

    /// <summary>Steps between greedy CTC error rates on held-out (and training) clips (0: none).</summary>
    public int EvalEvery { get; init; }

    /// <summary>Held-out clips the CTC error rate is measured on.</summary>
    public int EvalClips { get; init; } = 200;

    /// <summary>Train on the first this many clips only (0: all), e.g. 50 to check that the recipe can over-fit.</summary>
    public int LimitTrain { get; init; }

    /// <summary>A TorchSharp state to continue from, or null.</summary>
    public string? Resume { get; init; }

    /// <summary>
    /// A shipped model file (ggml) to continue from, or null: its weights without the optimizer's state or the CTC head,
    /// which whisper.cpp never needs and the file does not hold. Give its <see cref="Vocabulary"/> with it.
    /// </summary>
    public string? Init { get; init; }

    /// <summary>
    /// The unit table to train with instead of the corpus' own, or null: the table of the run a <see cref="Resume"/>
    /// continues, so a larger corpus can continue a state (its clips with a unit outside the table are left out).
    /// </summary>
    public string? Vocabulary { get; init; }

    public SpeechModelConfig Model { get; init; } = new();
}
