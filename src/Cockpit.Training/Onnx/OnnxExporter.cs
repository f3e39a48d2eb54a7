using Cockpit.Understanding.Model;

namespace Cockpit.Training.Onnx;

/// <summary>
/// Writes the two ONNX graphs of a trained encoder (opset 17, IR 8):
/// <c>encoder.onnx</c>, the dense part (embedding, attention, shared FFN, router, the intent, slot and zone heads) with the gathered lookup-table
/// rows as one fp16 input per layer, <c>lut0</c> … <c>lut{L-1}</c> [B, T, N, d], each cast to float where its layer
/// mixes it (the runtime copies row slices; the graph never slices or casts the whole gather); and <c>experts.onnx</c>,
/// which maps token ids to those rows (<c>token_ids</c> [K] → <c>rows</c> [K, L, N, d] fp16), used once to
/// re-parameterise the experts into the table.
/// </summary>
internal static class OnnxExporter
{
    public const int Opset = 17;
    public const int IrVersion = 8;

    /// <summary>
    /// The hidden state is kept as [B, T, 1, d] throughout, so the router's gate comes out as [B, T, 1, N] and mixes
    /// the layer's rows [B, T, N, d] with one batched MatMul, without reshapes: at batch 1 the extra cost of MoLE over
    /// the dense encoder is then four small nodes per layer (router, softmax, cast, mix).
    /// </summary>
    public static void ExportEncoder(ModelShape c, Dictionary<string, (float[] Data, long[] Shape)> w, string path, IReadOnlyDictionary<string, string> metadata)
    {
        var g = new OnnxGraphBuilder("cockpit_mole_encoder");
        string W(string name) => g.Initializer(name, w[name].Data, w[name].Shape);
        g.Input("input_ids", OnnxGraphBuilder.Int64, "batch", "seq");
        g.Input("attention_mask", OnnxGraphBuilder.Float, "batch", "seq");
        for (var l = 0; c.UsesExperts && l < c.Layers; l++)
        {
            g.Input(EncoderSession.LookupInput(l), OnnxGraphBuilder.Float16, "batch", "seq", c.Experts, c.Dim);
        }

        var d = c.Dim;
        var dh = d / c.Heads;
        var e = g.Node("Gather", [W("embedding"), g.Node("Unsqueeze", ["input_ids", g.Int64s([2])])], null, OnnxGraphBuilder.Attr("axis", 0));
        var shape = g.Node("Shape", ["input_ids"]);
        var seq = g.Node("Slice", [shape, g.Int64s([1]), g.Int64s([2])]);
        var position = g.Initializer("position", w["position"].Data, [c.MaxLength, 1, d]);
        var pos = g.Node("Slice", [position, g.Int64s([0]), seq, g.Int64s([0])]);
        var h = g.Node("Add", [e, pos]);
        var inverted = g.Node("Sub", [g.Scalar(1f), "attention_mask"]);
        var additive = g.Node("Reshape", [g.Node("Mul", [inverted, g.Scalar(-1e9f)]), g.Int64s([0, 1, 1, -1])]);
        var scale = g.Scalar((float)(1.0 / Math.Sqrt(dh)));
        for (var l = 0; l < c.Layers; l++)
        {
            var p = $"layer{l}.";
            var x = g.RmsNorm(h, W(p + "norm1"));
            var qkv = g.Linear(x, W(p + "qkv.w"), W(p + "qkv.b"));
            var split = g.Node("Transpose", [g.Node("Reshape", [qkv, g.Int64s([0, 0, 3, c.Heads, dh])])], null, OnnxGraphBuilder.Attr("perm", [2L, 0, 3, 1, 4]));
            var q = g.Node("Gather", [split, g.Int64s([0], scalar: true)], null, OnnxGraphBuilder.Attr("axis", 0));
            var k = g.Node("Gather", [split, g.Int64s([1], scalar: true)], null, OnnxGraphBuilder.Attr("axis", 0));
            var v = g.Node("Gather", [split, g.Int64s([2], scalar: true)], null, OnnxGraphBuilder.Attr("axis", 0));
            var kt = g.Node("Transpose", [k], null, OnnxGraphBuilder.Attr("perm", [0L, 1, 3, 2]));
            var scores = g.Node("Add", [g.Node("Mul", [g.Node("MatMul", [q, kt]), scale]), additive]);
            var probs = g.Node("Softmax", [scores], null, OnnxGraphBuilder.Attr("axis", -1));
            var attended = g.Node("Transpose", [g.Node("MatMul", [probs, v])], null, OnnxGraphBuilder.Attr("perm", [0L, 2, 1, 3]));
            var merged = g.Node("Reshape", [attended, g.Int64s([0, 0, 1, d])]);
            h = g.Node("Add", [h, g.Linear(merged, W(p + "out.w"), W(p + "out.b"))]);

            var u = g.RmsNorm(h, W(p + "norm2"));
            var hidden = g.Node("Relu", [g.Linear(u, W(p + "shared1.w"), W(p + "shared1.b"))]);
            var ffn = g.Linear(hidden, W(p + "shared2.w"), W(p + "shared2.b"));
            if (c.UsesExperts)
            {
                var gate = g.Node("Softmax", [g.Node("MatMul", [u, W(p + "router.w")])], null, OnnxGraphBuilder.Attr("axis", -1));
                var rows = g.Node("Cast", [EncoderSession.LookupInput(l)], null, OnnxGraphBuilder.Attr("to", OnnxGraphBuilder.Float));
                h = g.Node("Sum", [h, ffn, g.Node("MatMul", [gate, rows])]);
            }
            else
            {
                h = g.Node("Add", [h, ffn]);
            }
        }

        var z = g.Node("Reshape", [g.RmsNorm(h, W("final_norm")), g.Int64s([0, 0, d])]);
        g.Node("Add", [g.Node("MatMul", [z, W("intent_head.w")]), W("intent_head.b")], "intent_logits");
        g.Node("Add", [g.Node("MatMul", [z, W("slot_head.w")]), W("slot_head.b")], "slot_logits");
        g.Node("Add", [g.Node("MatMul", [z, W("zone_head.w")]), W("zone_head.b")], "zone_logits");
        g.Output("intent_logits", OnnxGraphBuilder.Float, "batch", "seq", c.IntentTags);
        g.Output("slot_logits", OnnxGraphBuilder.Float, "batch", "seq", c.SlotTags);
        g.Output("zone_logits", OnnxGraphBuilder.Float, "batch", "seq", c.Zones);
        g.Save(path, Opset, IrVersion, metadata);
    }

    public static void ExportExperts(ModelShape c, Dictionary<string, (float[] Data, long[] Shape)> w, string path, IReadOnlyDictionary<string, string> metadata)
    {
        var g = new OnnxGraphBuilder("cockpit_mole_experts");
        string H(string name) => g.HalfWeight(name, w[name].Data, w[name].Shape);
        g.Input("token_ids", OnnxGraphBuilder.Int64, "tokens");
        var e = g.Node("Gather", [H("embedding"), "token_ids"], null, OnnxGraphBuilder.Attr("axis", 0));
        var perLayer = new List<string>();
        for (var l = 0; l < c.Layers; l++)
        {
            var p = $"layer{l}.";
            var x = g.Node("Unsqueeze", [g.RmsNorm(e, H(p + "expert_norm")), g.Int64s([0])]);
            var hidden = g.Node("Relu", [g.Node("Add", [g.Node("MatMul", [x, H(p + "experts.w1")]), H(p + "experts.b1")])]);
            var y = g.Node("Add", [g.Node("MatMul", [hidden, H(p + "experts.w2")]), H(p + "experts.b2")]);
            var kn = g.Node("Transpose", [y], null, OnnxGraphBuilder.Attr("perm", [1L, 0, 2]));
            perLayer.Add(g.Node("Reshape", [kn, g.Int64s([0, 1, c.Experts, c.Dim])]));
        }

        var all = g.Node("Concat", [.. perLayer], null, OnnxGraphBuilder.Attr("axis", 1));
        g.Node("Cast", [all], "rows", OnnxGraphBuilder.Attr("to", OnnxGraphBuilder.Float16));
        g.Output("rows", OnnxGraphBuilder.Float16, "tokens", c.Layers, c.Experts, c.Dim);
        g.Save(path, Opset, IrVersion, metadata);
    }
}
