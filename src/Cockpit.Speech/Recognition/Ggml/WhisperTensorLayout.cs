namespace Cockpit.Speech.Recognition.Ggml;

/// <summary>
/// The tensors whisper.cpp creates for given hyper-parameters, with the names of its <c>convert-pt-to-ggml.py</c>,
/// the dims in ggml order and the type it expects: positional embeddings, biases and layer norms f32; the conv
/// kernels f16; every other 2-D matrix (token embedding included) the file type's weight type.
/// </summary>
internal static class WhisperTensorLayout
{
    /// <summary>The expected tensors, encoder first.</summary>
    public static List<GgmlTensorSpec> Expected(WhisperHyperParameters h, GgmlType weightType)
    {
        var a = h.NAudioState;
        var t = h.NTextState;
        var list = new List<GgmlTensorSpec>
        {
            new("encoder.positional_embedding", [a, h.NAudioCtx], GgmlType.F32),
            new("encoder.conv1.weight", [3, h.NMels, a], GgmlType.F16),
            new("encoder.conv1.bias", [1, a], GgmlType.F32),
            new("encoder.conv2.weight", [3, a, a], GgmlType.F16),
            new("encoder.conv2.bias", [1, a], GgmlType.F32),
            new("encoder.ln_post.weight", [a], GgmlType.F32),
            new("encoder.ln_post.bias", [a], GgmlType.F32),
            new("decoder.positional_embedding", [t, h.NTextCtx], GgmlType.F32),
            new("decoder.token_embedding.weight", [t, h.NVocab], weightType),
            new("decoder.ln.weight", [t], GgmlType.F32),
            new("decoder.ln.bias", [t], GgmlType.F32),
        };
        for (var i = 0; i < h.NAudioLayer; i++)
        {
            AddBlock(list, $"encoder.blocks.{i}.", a, weightType, cross: false);
        }

        for (var i = 0; i < h.NTextLayer; i++)
        {
            AddBlock(list, $"decoder.blocks.{i}.", t, weightType, cross: true);
        }

        return list;
    }

    private static void AddBlock(List<GgmlTensorSpec> list, string prefix, int n, GgmlType w, bool cross)
    {
        list.Add(new(prefix + "mlp_ln.weight", [n], GgmlType.F32));
        list.Add(new(prefix + "mlp_ln.bias", [n], GgmlType.F32));
        list.Add(new(prefix + "mlp.0.weight", [n, 4 * n], w));
        list.Add(new(prefix + "mlp.0.bias", [4 * n], GgmlType.F32));
        list.Add(new(prefix + "mlp.2.weight", [4 * n, n], w));
        list.Add(new(prefix + "mlp.2.bias", [n], GgmlType.F32));
        AddAttention(list, prefix + "attn", n, w);
        if (cross)
        {
            AddAttention(list, prefix + "cross_attn", n, w);
        }
    }

    private static void AddAttention(List<GgmlTensorSpec> list, string prefix, int n, GgmlType w)
    {
        list.Add(new(prefix + "_ln.weight", [n], GgmlType.F32));
        list.Add(new(prefix + "_ln.bias", [n], GgmlType.F32));
        list.Add(new(prefix + ".query.weight", [n, n], w));
        list.Add(new(prefix + ".query.bias", [n], GgmlType.F32));

        // Whisper's key projection has no bias.
        list.Add(new(prefix + ".key.weight", [n, n], w));
        list.Add(new(prefix + ".value.weight", [n, n], w));
        list.Add(new(prefix + ".value.bias", [n], GgmlType.F32));
        list.Add(new(prefix + ".out.weight", [n, n], w));
        list.Add(new(prefix + ".out.bias", [n], GgmlType.F32));
    }
}
