using Cockpit.Training.Training;
using Cockpit.Understanding.Model;

namespace Cockpit.Understanding.Tests.Training;

/// <summary>A tiny train → export → re-parameterise → load round trip, in seconds.</summary>
public sealed class SmokeTrainingTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "cockpit-smoke-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Train_TinyModel_ExportsFilesTheRuntimeReproduces()
    {
        var modelDir = Path.Combine(directory, "understanding");

        var rc = new TrainingPipeline(SmokeOptions.Create(modelDir), TextWriter.Null).Run();

        Assert.Equal(0, rc);
        var manifest = ModelManifest.Load(modelDir);
        manifest.Verify(modelDir);
        Assert.Equal(["encoder.onnx", "experts.onnx", "heldout.jsonl", "vocab.txt"], manifest.Files.Keys.Order(StringComparer.Ordinal));
        Assert.InRange(manifest.Metrics!["maxTagLogitDifference"]!.GetValue<double>(), 0, 0.05);
        Assert.Equal(1.0, manifest.Metrics!["agreementWithTorch"]!.GetValue<double>(), 2);
        using var understander = UtteranceUnderstander.Open(new UnderstandingOptions { ModelDirectory = modelDir, CacheDirectory = Path.Combine(directory, "cache") });
        Assert.NotNull(understander.LookupTablePath);
        Assert.True(File.Exists(understander.LookupTablePath));
        Assert.True(understander.UsesFusedKernel);
        var result = understander.Understand("打开空调");
        Assert.Equal("zh", result.Language);
    }

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
