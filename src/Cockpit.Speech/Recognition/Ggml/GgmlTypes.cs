namespace Cockpit.Speech.Recognition.Ggml;

/// <summary>Sizes of ggml tensor types and the file-type (<c>ftype</c>) → weight-type mapping.</summary>
internal static class GgmlTypes
{
    /// <summary>Elements per block (1 for float types, 32 for the quantized ones).</summary>
    public static int BlockSize(GgmlType type) => type is GgmlType.F32 or GgmlType.F16 ? 1 : 32;

    /// <summary>Bytes per block.</summary>
    public static int BlockBytes(GgmlType type) => type switch
    {
        GgmlType.F32 => 4,
        GgmlType.F16 => 2,
        GgmlType.Q4_0 => 18,
        GgmlType.Q4_1 => 20,
        GgmlType.Q5_0 => 22,
        GgmlType.Q5_1 => 24,
        GgmlType.Q8_0 => 34,
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>Bytes of a tensor of <paramref name="elements"/> elements.</summary>
    public static long DataBytes(GgmlType type, long elements) => elements / BlockSize(type) * BlockBytes(type);

    /// <summary>Whether <paramref name="id"/> is a tensor type this reader knows.</summary>
    public static bool IsKnown(int id) => Enum.IsDefined((GgmlType)id);

    /// <summary>
    /// The type of the 2-D weight matrices for a file type (<c>hparams.ftype % 1000</c>), as whisper.cpp maps it;
    /// null for file types it cannot run. ftype 0 (all f32) is refused on purpose: whisper.cpp then makes the conv
    /// kernels f32 and aborts the process in its first encode (<c>GGML_ASSERT(src0->type == GGML_TYPE_F16)</c>).
    /// </summary>
    public static GgmlType? WeightType(int ftype) => ftype switch
    {
        1 => GgmlType.F16,
        2 => GgmlType.Q4_0,
        3 => GgmlType.Q4_1,
        7 => GgmlType.Q8_0,
        8 => GgmlType.Q5_0,
        9 => GgmlType.Q5_1,
        _ => null,
    };
}
