namespace Cockpit.Training.Training;

/// <summary>Knobs of one training run; the defaults are the shipped model's.</summary>
internal sealed record TrainingOptions
{
    public int Steps { get; init; } = 5200;

    public int Batch { get; init; } = 64;

    public int Threads { get; init; } = 2;

    public float LearningRate { get; init; } = 1.5e-3f;

    public int Warmup { get; init; } = 100;

    public int TrainSamples { get; init; } = 120_000;

    public int TestSamples { get; init; } = 4_000;

    public int Seed { get; init; } = 20263;

    public int EvalEvery { get; init; } = 400;

    /// <summary>Decay of the exponential moving average of the weights that is exported (0: export the last weights).</summary>
    public float EmaDecay { get; init; } = 0.998f;

    /// <summary>Dropout on the embeddings and every residual branch while training (<see cref="Model.MoleEncoder"/>).</summary>
    public float Dropout { get; init; }

    public int Dim { get; init; } = 256;

    public int Layers { get; init; } = 4;

    public int Heads { get; init; } = 4;

    public int Experts { get; init; } = 16;

    public int ExpertHidden { get; init; } = 64;

    public int SharedHidden { get; init; } = 512;

    /// <summary>Longest input in tokens (the position table's size); longer utterances are truncated.</summary>
    public int MaxLength { get; init; } = 64;

    public string Variant { get; init; } = "mole";

    /// <summary>
    /// Share of Chinese characters in training samples spelled as byte tokens, as unseen ones are
    /// (<see cref="UnseenCharacters"/>), so characters the vocabulary lacks are read from context. Defaults to 0.02.
    /// </summary>
    public double UnseenCharacterRate { get; init; } = 0.02;

    public string OutputDirectory { get; init; } = "models/understanding";

    /// <summary>
    /// An exported model directory to continue training from (its vocabulary and weights) instead of a fresh start;
    /// its shape and labels must be this run's. Null: a fresh start.
    /// </summary>
    public string? InitialModel { get; init; }

    public float MaxMinutes { get; init; } = 30;

    /// <summary>The phrasebooks written apart from the generator (data/authoring/REQUESTS.md); none when the folder is absent.</summary>
    public string PhrasebookDirectory { get; init; } = "data/phrasebooks";

    /// <summary>How many times each phrasebook line is in the training data (they are few beside the generator's).</summary>
    public int PhrasebookRepeat { get; init; } = 8;

    /// <summary>MASSIVE's folder (its train partition is taught, its dev partition measured); none when absent.</summary>
    public string MassiveDirectory { get; init; } = "../shared/corpora/massive";

    /// <summary>How MASSIVE's intents map to the catalog.</summary>
    public string MassiveMapping { get; init; } = "data/massive/mapping.json";

    /// <summary>How many times each taught MASSIVE request is in the training data.</summary>
    public int MassiveRepeat { get; init; } = 2;

    /// <summary>Augmentation word lists (cancellation tails) per language.</summary>
    public string AugmentDirectory { get; init; } = "data/augment";

    /// <summary>The human-written evaluation set (dev is measured during training; test only in the final report).</summary>
    public string HumanDirectory { get; init; } = Measurement.EvaluationSets.HumanDirectory;
}
