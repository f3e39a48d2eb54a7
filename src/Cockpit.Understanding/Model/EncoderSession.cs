using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;

namespace Cockpit.Understanding.Model;

/// <summary>The dense encoder in ONNX Runtime, fed with lookup-table rows gathered for the batch's tokens. Thread-safe.</summary>
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
        inputNames = shape.UsesExperts ? ["input_ids", "attention_mask", "lut"] : ["input_ids", "attention_mask"];
    }

    /// <summary>Runs a padded batch: ids [B, T] (0 = pad), mask [B, T]; returns tag and call logits, row-major [B, T, C].</summary>
    public (float[] Tags, float[] Calls) Run(long[] ids, float[] mask, int batch, int length)
    {
        long[] dims = [batch, length];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, dims);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, dims);
        OrtValue? lutValue = null;
        try
        {
            var inputs = new List<OrtValue> { idsValue, maskValue };
            if (table is not null)
            {
                var rows = new Float16[ids.Length * shape.Layers * shape.Experts * shape.Dim];
                table.Gather(ids, MemoryMarshal.AsBytes(rows.AsSpan()));
                lutValue = OrtValue.CreateTensorValueFromMemory(rows, [batch, length, shape.Layers, shape.Experts, shape.Dim]);
                inputs.Add(lutValue);
            }

            using var runOptions = new RunOptions();
            using var results = session.Run(runOptions, inputNames, inputs, OutputNames);
            return (results[0].GetTensorDataAsSpan<float>().ToArray(), results[1].GetTensorDataAsSpan<float>().ToArray());
        }
        finally
        {
            lutValue?.Dispose();
        }
    }

    public void Dispose()
    {
        session.Dispose();
        options.Dispose();
    }
}
