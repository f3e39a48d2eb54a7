namespace Cockpit.Training.Training;

/// <summary>A tiny run that exercises the whole pipeline in seconds (CI smoke test).</summary>
internal static class SmokeOptions
{
    public static TrainingOptions Create(string outputDirectory) => new()
    {
        OutputDirectory = outputDirectory,
        Steps = 150,
        Batch = 16,
        Threads = 1,
        TrainSamples = 1500,
        TestSamples = 200,
        Dim = 32,
        Layers = 1,
        Heads = 2,
        Experts = 4,
        ExpertHidden = 16,
        SharedHidden = 64,
        EvalEvery = 0,
        Warmup = 5,
        MaxMinutes = 2,
        PhrasebookRepeat = 1,
        MassiveRepeat = 1,
    };
}
