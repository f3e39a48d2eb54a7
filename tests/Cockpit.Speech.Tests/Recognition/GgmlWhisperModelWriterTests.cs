using System.Text;
using Cockpit.Speech.Recognition.Ggml;

namespace Cockpit.Speech.Tests.Recognition;

/// <summary>
/// The writer's trained-weights path (the speech training's export): every tensor's values land where the validator
/// expects them, and the reader gives them back.
/// </summary>
public sealed class GgmlWhisperModelWriterTests : IDisposable
{
    private static readonly WhisperHyperParameters Tiny = GgmlWhisperModelWriter.TinyHyperParameters();
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"cockpit-writer-{Guid.NewGuid():N}.bin");

    [Fact]
    public void Write_TrainedWeights_ValidatesAndKeepsEveryValue()
    {
        var layout = WhisperTensorLayout.Expected(Tiny, GgmlType.F16);
        var weights = layout.ToDictionary(t => t.Name, t => Enumerable.Range(0, (int)t.Elements).Select(i => (float)((i % 7) - 3) / 8).ToArray());
        var vocabulary = GgmlWhisperModelWriter.ByteVocabulary("打开", " sunroof");

        GgmlWhisperModelWriter.Write(_path, Tiny, vocabulary, weights, GgmlWhisperModelWriter.DefaultMelFilters(Tiny.NMels));

        var info = GgmlWhisperModelValidator.Validate(_path, suppressBlank: true);
        Assert.Equal(Tiny, info.HyperParameters);
        Assert.Equal(layout.Count, info.TensorCount);
        var bytes = File.ReadAllBytes(_path);
        var name = Encoding.UTF8.GetBytes("decoder.ln.bias");
        var start = bytes.AsSpan().IndexOf(name) + name.Length;
        var stored = Enumerable.Range(0, Tiny.NTextState).Select(i => BitConverter.ToSingle(bytes, start + (4 * i)));
        Assert.Equal(weights["decoder.ln.bias"], stored);
    }

    [Fact]
    public void Read_WrittenWeights_EveryTensorBack()
    {
        // Eighths are exact in f16, so the round trip must give back every value.
        var weights = WhisperTensorLayout.Expected(Tiny, GgmlType.F16).ToDictionary(t => t.Name, t => Enumerable.Range(0, (int)t.Elements).Select(i => (float)((i % 11) - 5) / 8).ToArray());
        GgmlWhisperModelWriter.Write(_path, Tiny, GgmlWhisperModelWriter.ByteVocabulary(" "), weights, GgmlWhisperModelWriter.DefaultMelFilters(Tiny.NMels));

        var (hyperParameters, tensors) = GgmlWhisperModelReader.Read(_path);

        Assert.Equal(Tiny, hyperParameters);
        Assert.Equal(weights.Keys.Order(StringComparer.Ordinal), tensors.Keys.Order(StringComparer.Ordinal));
        Assert.All(weights, pair => Assert.Equal(pair.Value, tensors[pair.Key]));
    }

    [Fact]
    public void Write_MissingTensor_NamesIt()
    {
        var weights = WhisperTensorLayout.Expected(Tiny, GgmlType.F16).Skip(1).ToDictionary(t => t.Name, t => new float[t.Elements]);

        var error = Assert.Throws<ArgumentException>(() =>
            GgmlWhisperModelWriter.Write(_path, Tiny, GgmlWhisperModelWriter.ByteVocabulary(), weights, GgmlWhisperModelWriter.DefaultMelFilters(Tiny.NMels)));

        Assert.Contains("encoder.positional_embedding", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => File.Delete(_path);
}
