using System.Buffers;
using Cockpit.Understanding.Onnx;
using Microsoft.ML.OnnxRuntime;

namespace Cockpit.Understanding.Model;

/// <summary>
/// The dense encoder in ONNX Runtime, fed with the lookup-table rows of the batch's tokens. With the fused kernel
/// library (<see cref="KernelLibrary"/>) each layer's expert path is one <c>cockpit.MoleMix</c> node reading the
/// memory-mapped table, passed whole as one input (<see cref="MoleMixFusion"/>); without it, the exported stock graph
/// takes one fp16 input per layer (<c>lut0</c> …), copied from the table into pooled buffers. Thread-safe.
/// </summary>
internal sealed class EncoderSession : IDisposable
{
    private static readonly string[] OutputNames = ["intent_logits", "slot_logits", "zone_logits"];

    // ONNX Runtime adds a custom op domain to ONNX's process-wide domain map with an unlocked check-then-add, so two
    // sessions registering the kernel library at once can both add "cockpit" and one of them throws.
    private static readonly Lock CustomOpRegistration = new();
    private readonly InferenceSession _session;
    private readonly SessionOptions _options;
    private readonly LookupTable? _table;
    private readonly OrtValue? _tableTensor;
    private readonly ModelShape _shape;
    private readonly string[] _inputNames;

    /// <summary>Opens the encoder graph with its lookup table.</summary>
    /// <param name="onnxPath">The encoder's ONNX file.</param>
    /// <param name="shape">The model's dimensions, from its manifest.</param>
    /// <param name="table">The experts' lookup table; null runs the experts inside the graph.</param>
    /// <param name="intraOpThreads">ONNX Runtime intra-op threads.</param>
    /// <param name="kernelLibrary">The fused kernel library, or null to run the stock graph.</param>
    /// <param name="portableKernel">Run the kernel's portable loop even where AVX2 is there (what a head unit without
    /// it runs), so tests cover both.</param>
    public EncoderSession(string onnxPath, ModelShape shape, LookupTable? table, int intraOpThreads, string? kernelLibrary = null, bool portableKernel = false)
    {
        _shape = shape;
        _table = table;
        _options = new SessionOptions
        {
            IntraOpNumThreads = Math.Max(1, intraOpThreads),
            InterOpNumThreads = 1,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        };
        var fused = table is not null && kernelLibrary is not null ? MoleMixFusion.TryFuse(File.ReadAllBytes(onnxPath), shape, table.Precision) : null;
        if (fused is not null)
        {
            if (portableKernel)
            {
                _options.AddSessionConfigEntry(PortableKernelEntry, "1");
            }

            _session = CreateWithKernel(fused, _options, kernelLibrary!);
            _tableTensor = table!.CreateTensor();
            _inputNames = ["input_ids", "attention_mask", MoleMixFusion.TableInput];
        }
        else
        {
            _session = new InferenceSession(onnxPath, _options);
            _inputNames = ["input_ids", "attention_mask", .. Enumerable.Range(0, table is null ? 0 : shape.Layers).Select(LookupInput)];
        }
    }

    /// <summary>The session config entry that makes the kernel run its portable loop (<c>Native/mole_mix.cc</c>).</summary>
    public const string PortableKernelEntry = "cockpit.mole_mix.portable";

    /// <summary>The fused kernel (<c>Native/mole_mix.cc</c>) where the build put it, beside the assembly; null when it was
    /// not built (not Linux, no C++ compiler).</summary>
    public static string? KernelLibrary { get; } = File.Exists(Path.Combine(AppContext.BaseDirectory, "libcockpit_mole.so"))
        ? Path.Combine(AppContext.BaseDirectory, "libcockpit_mole.so")
        : null;

    /// <summary>Registers the kernel library in <paramref name="options"/> and creates a session of
    /// <paramref name="model"/> with it.</summary>
    public static InferenceSession CreateWithKernel(byte[] model, SessionOptions options, string kernelLibrary)
    {
        lock (CustomOpRegistration)
        {
            options.RegisterCustomOpLibrary(kernelLibrary);
            return new InferenceSession(model, options);
        }
    }

    /// <summary>Whether the expert path runs in the fused kernel.</summary>
    public bool IsFused => _tableTensor is not null;

    /// <summary>The graph input that takes layer <paramref name="layer"/>'s lookup-table rows in the stock graph.</summary>
    public static string LookupInput(int layer) => $"lut{layer}";

    /// <summary>Runs a padded batch: ids [B, T] (0 = pad), mask [B, T]; returns the intent, slot and zone logits, row-major [B, T, C].</summary>
    public (float[] Intents, float[] Slots, float[] Zones) Run(long[] ids, float[] mask, int batch, int length)
    {
        long[] dims = [batch, length];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, dims);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, dims);
        var inputs = new List<OrtValue> { idsValue, maskValue };
        var buffers = new List<Float16[]>();
        try
        {
            if (_tableTensor is not null)
            {
                inputs.Add(_tableTensor);
            }
            else if (_table is not null)
            {
                var values = ids.Length * _shape.Experts * _shape.Dim;
                for (var l = 0; l < _shape.Layers; l++)
                {
                    var buffer = ArrayPool<Float16>.Shared.Rent(values);
                    buffers.Add(buffer);
                    _table.Gather(ids, l, buffer.AsSpan(0, values));
                    inputs.Add(OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, buffer.AsMemory(0, values), [batch, length, _shape.Experts, _shape.Dim]));
                }
            }

            using var runOptions = new RunOptions();
            using var results = _session.Run(runOptions, _inputNames, inputs, OutputNames);
            return (results[0].GetTensorDataAsSpan<float>().ToArray(), results[1].GetTensorDataAsSpan<float>().ToArray(), results[2].GetTensorDataAsSpan<float>().ToArray());
        }
        finally
        {
            foreach (var input in inputs.Skip(2).Where(i => i != _tableTensor))
            {
                input.Dispose();
            }

            buffers.ForEach(b => ArrayPool<Float16>.Shared.Return(b));
        }
    }

    public void Dispose()
    {
        _session.Dispose();
        _tableTensor?.Dispose();
        _options.Dispose();
    }
}
