using Cockpit.Speech.Training;

namespace Cockpit.Speech.Tests.Training;

/// <summary>
/// The speech model pipeline end to end at toy size: an espeak-ng corpus from the command generator, a few TorchSharp
/// training steps of a small Whisper, the ggml export, and evaluation through the service's Whisper.net recogniser (which validates
/// the file before loading it).
/// It checks the parts fit together (files whisper.cpp accepts, a measurement over every held-out clip), not quality.
/// </summary>
public sealed class SpeechPipelineSmokeTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cockpit-speech-smoke-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Pipeline_ToyCorpus_TrainsExportsAndMeasuresThroughWhisperNet()
    {
        var corpus = Path.Combine(_directory, "corpus");
        var run = Path.Combine(_directory, "run");
        var model = new SpeechModelConfig { Dim = 64, Heads = 2, AudioLayers = 1, TextLayers = 2 };

        var built = new SpeechCorpus(new SpeechCorpusOptions { OutputDirectory = corpus, TrainUtterances = 12, Copies = 1, TestUtterances = 6 }, TextWriter.Null).Build();
        var trained = new SpeechTrainer(new SpeechTrainingOptions { CorpusDirectory = corpus, OutputDirectory = run, Steps = 3, Batch = 4, Warmup = 1, CheckpointEvery = 100, Model = model }, TextWriter.Null).Run();
        var modelFile = Path.Combine(run, SpeechTrainer.ModelFile);
        var results = await new SpeechEvaluator(corpus, TextWriter.Null).RunAsync(modelFile, [null], limit: 100, threads: 1, reportPath: null);

        Assert.Equal(0, built);
        Assert.Equal(0, trained);
        Assert.True(new FileInfo(modelFile).Length > 51865L * model.Dim * 2, "the export holds the 51,865-row f16 token embedding");
        var measured = Assert.Single(results);
        Assert.Equal(SpeechCorpus.ReadTestIndex(corpus).Count, measured.ZhClips + measured.EnClips);
        Assert.True(measured.AudioSeconds > 0);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
