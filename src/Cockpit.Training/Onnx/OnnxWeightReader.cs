using System.Runtime.InteropServices;
using Cockpit.Understanding.Onnx.Proto;

namespace Cockpit.Training.Onnx;

/// <summary>
/// Reads the weights back out of an exported model directory (<see cref="OnnxExporter"/>'s two graphs) under their
/// export names, so training can continue from a shipped model. The experts' weights come back as stored, in fp16.
/// </summary>
internal static class OnnxWeightReader
{
    /// <summary>Float and fp16 initializers of <c>encoder.onnx</c> and <c>experts.onnx</c> by name; an fp16 copy
    /// (<c>name.f16</c>) only where the encoder has no float one (the embedding is in both).</summary>
    public static Dictionary<string, float[]> Read(string modelDirectory)
    {
        var weights = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (var file in new[] { "encoder.onnx", "experts.onnx" })
        {
            var path = Path.Combine(modelDirectory, file);
            if (!File.Exists(path))
            {
                continue;
            }

            foreach (var t in ModelProto.Parser.ParseFrom(File.ReadAllBytes(path)).Graph.Initializer)
            {
                var name = t.Name.EndsWith(".f16", StringComparison.Ordinal) ? t.Name[..^4] : t.Name;
                if (!weights.ContainsKey(name) && ToFloats(t) is { } data)
                {
                    weights[name] = data;
                }
            }
        }

        return weights;
    }

    /// <summary>A float or fp16 tensor's values (raw little-endian data, as the exporter writes them); null for others.</summary>
    private static float[]? ToFloats(TensorProto t) => t.DataType switch
    {
        OnnxGraphBuilder.Float => MemoryMarshal.Cast<byte, float>(t.RawData.Span).ToArray(),
        OnnxGraphBuilder.Float16 => [.. MemoryMarshal.Cast<byte, Half>(t.RawData.Span).ToArray().Select(h => (float)h)],
        _ => null,
    };
}
