namespace Cockpit.Speech.Recognition.Ggml;

/// <summary>A tensor as stored: whisper.cpp's name, its dims in ggml order (reversed PyTorch order), and its type.</summary>
internal sealed record GgmlTensorSpec(string Name, long[] Dims, GgmlType Type)
{
    /// <summary>Number of elements.</summary>
    public long Elements => Dims.Aggregate(1L, (product, dim) => product * dim);

    /// <summary>Bytes of data.</summary>
    public long DataBytes => GgmlTypes.DataBytes(Type, Elements);

    /// <summary>The dims as written in messages, e.g. <c>[3, 80, 64]</c>.</summary>
    public string Shape => "[" + string.Join(", ", Dims) + "]";
}
