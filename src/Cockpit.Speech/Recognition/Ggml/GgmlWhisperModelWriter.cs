using System.Text;

namespace Cockpit.Speech.Recognition.Ggml;

/// <summary>
/// Writes a Whisper model in the legacy ggml layout (docs/formats/ggml-whisper.md), in the order the validator and
/// whisper.cpp read it: header, mel filters, vocabulary, tensors. Weights come from a seeded random source (test
/// fixtures, benchmarks) or from the caller (an exported trained model).
/// </summary>
internal static class GgmlWhisperModelWriter
{
    /// <summary>A small vocabulary: the 256 single bytes (so any text can be spelt) and a few domain words.</summary>
    public static List<byte[]> ByteVocabulary(params string[] words)
    {
        var list = new List<byte[]>(256 + words.Length);
        for (var b = 0; b < 256; b++)
        {
            list.Add([(byte)b]);
        }

        list.AddRange(words.Select(Encoding.UTF8.GetBytes));
        return list;
    }

    /// <summary>Hyper-parameters of a tiny multilingual model: d = 64, 2 heads, 2 + 2 layers, a 6 s window, f16.</summary>
    public static WhisperHyperParameters TinyHyperParameters() => new(
        NVocab: 51865, NAudioCtx: 300, NAudioState: 64, NAudioHead: 2, NAudioLayer: 2,
        NTextCtx: 64, NTextState: 64, NTextHead: 2, NTextLayer: 2, NMels: 80, FType: 1);

    /// <summary>Writes a model with random weights for the standard tensor layout.</summary>
    public static void WriteRandom(string path, WhisperHyperParameters h, IReadOnlyList<byte[]> vocabulary, int seed)
    {
        var weightType = GgmlTypes.WeightType(h.BaseFType) ?? GgmlType.F32;
        Write(path, h, vocabulary, WhisperTensorLayout.Expected(h, weightType), seed);
    }

    /// <summary>Writes a model with the given tensor list (which may differ from the layout: tests of the validator).</summary>
    public static void Write(string path, WhisperHyperParameters h, IReadOnlyList<byte[]> vocabulary, IEnumerable<GgmlTensorSpec> tensors, int seed, int melFftBins = GgmlWhisperModelValidator.FftBins)
    {
        var random = new Random(seed);
        Write(path, h, vocabulary, tensors, [.. MelFilters(h.NMels, melFftBins)], melFftBins, tensor => RandomData(tensor, random));
    }

    /// <summary>
    /// Writes a trained model: the standard layout for <paramref name="h"/>, each tensor's values from
    /// <paramref name="weights"/> in ggml element order (which is PyTorch's row-major order of the unreversed shape),
    /// and the mel filters the model was trained with.
    /// </summary>
    /// <exception cref="ArgumentException">A tensor is missing or has the wrong number of values.</exception>
    public static void Write(string path, WhisperHyperParameters h, IReadOnlyList<byte[]> vocabulary, IReadOnlyDictionary<string, float[]> weights, float[] melFilters)
    {
        var weightType = GgmlTypes.WeightType(h.BaseFType) ?? throw new ArgumentException($"unsupported ftype {h.FType}", nameof(h));
        var layout = WhisperTensorLayout.Expected(h, weightType);
        foreach (var tensor in layout)
        {
            if (!weights.TryGetValue(tensor.Name, out var values))
            {
                throw new ArgumentException($"no values for tensor '{tensor.Name}'", nameof(weights));
            }

            if (values.Length != tensor.Elements)
            {
                throw new ArgumentException($"tensor '{tensor.Name}' {tensor.Shape} needs {tensor.Elements} values, got {values.Length}", nameof(weights));
            }
        }

        if (melFilters.Length != h.NMels * GgmlWhisperModelValidator.FftBins)
        {
            throw new ArgumentException($"mel filters need {h.NMels} x {GgmlWhisperModelValidator.FftBins} values, got {melFilters.Length}", nameof(melFilters));
        }

        Write(path, h, vocabulary, layout, melFilters, GgmlWhisperModelValidator.FftBins, tensor => weights[tensor.Name]);
    }

    /// <summary>The mel filters the writer's random models carry, row per mel band: a trained model may reuse them.</summary>
    public static float[] DefaultMelFilters(int nMels) => [.. MelFilters(nMels, GgmlWhisperModelValidator.FftBins)];

    private static void Write(string path, WhisperHyperParameters h, IReadOnlyList<byte[]> vocabulary, IEnumerable<GgmlTensorSpec> tensors, float[] melFilters, int melFftBins, Func<GgmlTensorSpec, IEnumerable<float>> data)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using var writer = new BinaryWriter(stream, Encoding.UTF8);

        // Header.
        writer.Write(GgmlWhisperModelValidator.Magic);
        foreach (var value in h.ToArray())
        {
            writer.Write(value);
        }

        // Mel filters.
        writer.Write(h.NMels);
        writer.Write(melFftBins);
        foreach (var weight in melFilters)
        {
            writer.Write(weight);
        }

        // Vocabulary.
        writer.Write(vocabulary.Count);
        foreach (var token in vocabulary)
        {
            writer.Write((uint)token.Length);
            writer.Write(token);
        }

        // Tensors.
        foreach (var tensor in tensors)
        {
            writer.Write(tensor.Dims.Length);
            var name = Encoding.UTF8.GetBytes(tensor.Name);
            writer.Write(name.Length);
            writer.Write((int)tensor.Type);
            foreach (var dim in tensor.Dims)
            {
                writer.Write((int)dim);
            }

            writer.Write(name);
            WriteData(writer, tensor, data(tensor));
        }
    }

    private static IEnumerable<float> RandomData(GgmlTensorSpec tensor, Random random)
    {
        // Layer-norm gains start at one and biases at zero, as in an untrained PyTorch model, so activations stay finite.
        var isNormGain = tensor.Name.EndsWith("ln.weight", StringComparison.Ordinal) || tensor.Name.EndsWith("_ln.weight", StringComparison.Ordinal) || tensor.Name.EndsWith("ln_post.weight", StringComparison.Ordinal);
        var isBias = tensor.Name.EndsWith(".bias", StringComparison.Ordinal);
        for (long i = 0; i < tensor.Elements; i++)
        {
            yield return isNormGain ? 1f : isBias ? 0f : (float)((random.NextDouble() * 2) - 1) * 0.05f;
        }
    }

    private static void WriteData(BinaryWriter writer, GgmlTensorSpec tensor, IEnumerable<float> values)
    {
        foreach (var value in values)
        {
            switch (tensor.Type)
            {
                case GgmlType.F32:
                    writer.Write(value);
                    break;
                case GgmlType.F16:
                    writer.Write((Half)value);
                    break;
                default:
                    throw new NotSupportedException($"the writer does not quantize ({tensor.Type})");
            }
        }
    }

    private static IEnumerable<float> MelFilters(int nMels, int bins)
    {
        // Triangular filters evenly spaced on the mel scale from 0 to 8 kHz, like Whisper's (without its area
        // normalisation, which only scales the log-mel input of a random model).
        static double ToMel(double hz) => 2595 * Math.Log10(1 + (hz / 700));
        var top = ToMel(8000);
        var edges = Enumerable.Range(0, nMels + 2).Select(i => 700 * (Math.Pow(10, top * i / (nMels + 1) / 2595) - 1)).ToArray();
        for (var m = 0; m < nMels; m++)
        {
            for (var k = 0; k < bins; k++)
            {
                var hz = k * 8000.0 / (bins - 1);
                var rising = (hz - edges[m]) / (edges[m + 1] - edges[m]);
                var falling = (edges[m + 2] - hz) / (edges[m + 2] - edges[m + 1]);
                yield return (float)Math.Max(0, Math.Min(rising, falling));
            }
        }
    }
}
