using Cockpit.Speech.Recognition.Ggml;
using Cockpit.Speech.Training;
using TorchSharp;

namespace Cockpit.Speech.Tests.Training;

/// <summary>A shipped model file continues training: its weights, read back into a fresh model, give the exported model again.</summary>
public sealed class SpeechModelImportTests : IDisposable
{
    private static readonly SpeechModelConfig Small = new() { Dim = 32, Heads = 2, AudioLayers = 1, TextLayers = 1, AudioContext = 12, TextContext = 16 };
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"cockpit-import-{Guid.NewGuid():N}.bin");

    [Fact]
    public void ImportWeights_ExportedModel_SameWeightsToF16Precision()
    {
        var vocabulary = new SpeechVocabulary(["打开", " sunroof", " the"]);
        torch.manual_seed(11);
        using var trained = new SpeechWhisperModel(Small, vocabulary.CompactSize);
        SpeechModelExporter.Export(trained, vocabulary, GgmlWhisperModelWriter.DefaultMelFilters(Small.Mels), _path);
        torch.manual_seed(12);
        using var fresh = new SpeechWhisperModel(Small, vocabulary.CompactSize);

        fresh.ImportWeights(GgmlWhisperModelReader.Read(_path).Tensors, vocabulary);

        var expected = trained.ExportWeights(vocabulary);
        Assert.All(fresh.ExportWeights(vocabulary), pair =>
            Assert.True(pair.Value.Zip(expected[pair.Key]).All(v => Math.Abs(v.First - v.Second) <= 1e-3f * Math.Max(1f, Math.Abs(v.Second))), pair.Key));
    }

    [Fact]
    public void ImportWeights_OtherShape_NamesTheTensor()
    {
        var vocabulary = new SpeechVocabulary(["a"]);
        using var model = new SpeechWhisperModel(Small, vocabulary.CompactSize);
        var tensors = model.ExportWeights(vocabulary);
        tensors["decoder.ln.bias"] = new float[3];

        var error = Assert.Throws<InvalidDataException>(() => model.ImportWeights(tensors, vocabulary));

        Assert.Contains("decoder.ln.bias", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => File.Delete(_path);
}
