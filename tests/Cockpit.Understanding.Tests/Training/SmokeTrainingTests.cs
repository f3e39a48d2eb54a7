using Cockpit.Training.Onnx;
using Cockpit.Training.Training;
using Cockpit.Understanding.Model;

namespace Cockpit.Understanding.Tests.Training;

/// <summary>A tiny train → export → re-parameterise → load round trip, in seconds.</summary>
public sealed class SmokeTrainingTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cockpit-smoke-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Train_TinyModel_ExportsFilesTheRuntimeReproduces()
    {
        var modelDir = Path.Combine(_directory, "understanding");

        var options = SmokeOptions.Create(modelDir) with
        {
            PhrasebookDirectory = Path.Combine(RepoPaths.Root, "data", "phrasebooks"),
            MassiveMapping = Path.Combine(RepoPaths.Root, "data", "massive", "mapping.json"),
            MassiveDirectory = Path.Combine(RepoPaths.Root, "..", "shared", "corpora", "massive"),
            HumanDirectory = Path.Combine(RepoPaths.Root, "data", "eval", "human"),
        };
        var log = new StringWriter();

        var rc = new TrainingPipeline(options, log).Run();

        Assert.Equal(0, rc);
        var manifest = ModelManifest.Load(modelDir);
        manifest.Verify(modelDir);
        Assert.Equal(["encoder.onnx", "experts.onnx", "heldout.jsonl", "vocab.txt"], manifest.Files.Keys.Order(StringComparer.Ordinal));
        Assert.InRange(manifest.Metrics!["maxIntentLogitDifference"]!.GetValue<double>(), 0, 0.05);
        Assert.Contains("phrasebook zh1.zh.tsv", log.ToString(), StringComparison.Ordinal);
        Assert.NotNull(manifest.Metrics!["understanding"]!["human dev"]);
        Assert.Null(manifest.Metrics!["understanding"]!["human test"]); // the test split is run by measure only
        using var understander = UtteranceUnderstander.Open(new UnderstandingOptions { ModelDirectory = modelDir, CacheDirectory = Path.Combine(_directory, "cache") });
        Assert.NotNull(understander.LookupTablePath);
        Assert.True(File.Exists(understander.LookupTablePath));
        Assert.True(understander.UsesFusedKernel);
        var result = understander.Understand("打开空调");
        Assert.Equal("zh", result.Language);
    }

    [Fact]
    public void Train_FromAnExportedModel_StartsFromItsWeights()
    {
        var first = Path.Combine(_directory, "first");
        var continued = Path.Combine(_directory, "continued");
        Assert.Equal(0, new TrainingPipeline(SmokeOptions.Create(first), TextWriter.Null).Run());

        var rc = new TrainingPipeline(SmokeOptions.Create(continued) with { InitialModel = first, Steps = 0 }, TextWriter.Null).Run();

        Assert.Equal(0, rc);
        var before = OnnxWeightReader.Read(first);
        var after = OnnxWeightReader.Read(continued);
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
        Assert.All(before, w => Assert.Equal(w.Value, after[w.Key]));
        Assert.Equal(File.ReadAllLines(Path.Combine(first, "vocab.txt")), File.ReadAllLines(Path.Combine(continued, "vocab.txt")));
        Assert.NotNull(ModelManifest.Load(continued).Training!["initialModel"]);
    }

    [Fact]
    public void Train_FromAModelOfAnotherShape_SaysSo()
    {
        // The shape is what is checked, so the narrow model need not be trained.
        var first = Path.Combine(_directory, "first");
        Assert.Equal(0, new TrainingPipeline(SmokeOptions.Create(first) with { Steps = 0 }, TextWriter.Null).Run());

        var error = Assert.Throws<InvalidDataException>(() =>
            new TrainingPipeline(SmokeOptions.Create(Path.Combine(_directory, "wider")) with { InitialModel = first, Dim = 64 }, TextWriter.Null).Run());

        Assert.Contains("another shape", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
