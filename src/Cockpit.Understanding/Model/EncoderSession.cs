using System.Buffers;
using Microsoft.ML.OnnxRuntime;

namespace Cockpit.Understanding.Model;

/// <summary>
/// The dense encoder in ONNX Runtime, fed with the lookup-table rows of the batch's tokens: one fp16 input per layer
/// (<c>lut0</c> …), copied from the memory-mapped table into pooled buffers. Thread-safe.
/// </summary>
internal sealed class EncoderSession : IDisposable
{
    private static readonly string[] OutputNames = ["tag_logits", "call_logits"];
    private readonly InferenceSession session;
    private readonly SessionOptions options;
    private readonly LookupTable? table;
    private readonly ModelShape shape;
    private readonly string[] inputNames;

    public EncoderSession(string onnxPath, ModelShape shape, LookupTable? table, int intraOpThreads)
    {
        this.shape = shape;
        this.table = table;
        options = new SessionOptions
        {
            IntraOpNumThreads = Math.Max(1, intraOpThreads),
            InterOpNumThreads = 1,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        };
        session = new InferenceSession(onnxPath, options);
        inputNames = ["input_ids", "attention_mask", .. Enumerable.Range(0, table is null ? 0 : shape.Layers).Select(LookupInput)];
    }

    /// <summary>The graph input that takes layer <paramref name="layer"/>'s lookup-table rows.</summary>
    public static string LookupInput(int layer) => $"lut{layer}";

    /// <summary>Runs a padded batch: ids [B, T] (0 = pad), mask [B, T]; returns tag and call logits, row-major [B, T, C].</summary>
    public (float[] Tags, float[] Calls) Run(long[] ids, float[] mask, int batch, int length)
    {
        long[] dims = [batch, length];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, dims);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, dims);
        var inputs = new List<OrtValue> { idsValue, maskValue };
        var buffers = new List<Float16[]>();
        try
        {
            if (table is not null)
            {
                var values = ids.Length * shape.Experts * shape.Dim;
                for (var l = 0; l < shape.Layers; l++)
                {
                    var buffer = ArrayPool<Float16>.Shared.Rent(values);
                    buffers.Add(buffer);
                    table.Gather(ids, l, buffer.AsSpan(0, values));
                    inputs.Add(OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, buffer.AsMemory(0, values), [batch, length, shape.Experts, shape.Dim]));
                }
            }

            using var runOptions = new RunOptions();
            using var results = session.Run(runOptions, inputNames, inputs, OutputNames);
            return (results[0].GetTensorDataAsSpan<float>().ToArray(), results[1].GetTensorDataAsSpan<float>().ToArray());
        }
        finally
        {
            foreach (var input in inputs.Skip(2))
            {
                input.Dispose();
            }

            buffers.ForEach(b => ArrayPool<Float16>.Shared.Return(b));
        }
    }

    public void Dispose()
    {
        session.Dispose();
        options.Dispose();
    }
}
