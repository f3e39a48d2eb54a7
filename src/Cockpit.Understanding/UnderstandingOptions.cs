using System.ComponentModel.DataAnnotations;

namespace Cockpit.Understanding;

/// <summary>
/// Options of <see cref="UtteranceUnderstander"/>; the agent binds them from <c>Agent:Understanding</c>:
/// <code>
/// "Understanding": { "ModelDirectory": "models/understanding", "CacheDirectory": "cache", "IntraOpThreads": 1, "TablePrecision": "Float16" }
/// </code>
/// </summary>
public sealed class UnderstandingOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Understanding";

    /// <summary>Directory with <c>manifest.json</c>, <c>encoder.onnx</c>, <c>experts.onnx</c>, <c>vocab.txt</c>. Defaults to <c>models/understanding</c>.</summary>
    [Required]
    public string ModelDirectory { get; set; } = "models/understanding";

    /// <summary>Where the lookup table is built and cached (hundreds of MB). Defaults to <c>models/cache</c>.</summary>
    [Required]
    public string CacheDirectory { get; set; } = "models/cache";

    /// <summary>ONNX Runtime intra-op threads per inference. Defaults to 1 (lowest latency at batch 1 on a shared CPU).</summary>
    [Range(1, 64)]
    public int IntraOpThreads { get; set; } = 1;

    /// <summary>Threads used to build the lookup table on first start. Defaults to the processor count.</summary>
    [Range(1, 1024)]
    public int BuildThreads { get; set; } = Environment.ProcessorCount;

    /// <summary>How the lookup table stores the experts' outputs; the table is built and cached per precision. Defaults
    /// to <see cref="LookupTablePrecision.Float16"/>.</summary>
    [EnumDataType(typeof(LookupTablePrecision))]
    public LookupTablePrecision TablePrecision { get; set; } = LookupTablePrecision.Float16;

    /// <summary>Copy the lookup table into memory at start, in transparent huge pages where Linux allows, instead of
    /// mapping it: the whole table is resident (vocabulary × layers × experts × dim × 2 bytes in fp16, half that in int8, against only the rows of tokens spoken) and a
    /// row read costs no page walk: the encoder measured 1.02–1.04× the dense one's batch-1 latency instead of 1.07–1.09×.
    /// Defaults to false.</summary>
    public bool ResidentTable { get; set; }

    /// <summary>Run each layer's expert path in the fused kernel (<c>libcockpit_mole.so</c>, built beside the assembly on
    /// Linux) when it is there; false, or no library, runs the exported stock-operator graph (same results, about 0.1 ms
    /// slower per utterance). Defaults to true.</summary>
    public bool UseFusedKernel { get; set; } = true;

    /// <summary>Check file hashes against the manifest on open. Defaults to true.</summary>
    public bool VerifyHashes { get; set; } = true;
}
