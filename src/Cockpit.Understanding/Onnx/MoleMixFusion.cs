using Cockpit.Understanding.Model;
using Cockpit.Understanding.Onnx.Proto;
using Google.Protobuf;

namespace Cockpit.Understanding.Onnx;

/// <summary>
/// Rewrites an exported MoLE encoder so that each layer's expert path — router <c>MatMul</c>, <c>Softmax</c>,
/// <c>Cast</c> of the layer's gathered rows, mixing <c>MatMul</c> and the residual <c>Sum</c> — runs as one
/// <c>cockpit.MoleMix</c> node (<c>cockpit.MoleMixInt8</c> for an int8 table; <c>Native/mole_mix.cc</c>) that reads its
/// rows straight from the whole lookup table, fed once as the input <see cref="TableInput"/> [V, row]. ONNX Runtime's
/// fixed cost per node and per input, not arithmetic, was what made the stock graph slower than the dense encoder
/// (<c>models/README.md</c>). The shipped graph stays the portable one; this runs when the kernel library is there.
/// </summary>
internal static class MoleMixFusion
{
    public const string Domain = "cockpit";
    public const string OpType = "MoleMix";
    public const string Int8OpType = "MoleMixInt8";
    public const string TableInput = "lut";

    /// <summary>The fused graph, or null when <paramref name="model"/> lacks the exporter's expert-path pattern.</summary>
    public static byte[]? TryFuse(byte[] model, ModelShape shape, LookupTablePrecision precision)
    {
        var proto = ModelProto.Parser.ParseFrom(model);
        var graph = proto.Graph;
        var removed = new HashSet<NodeProto>();
        var fused = new Dictionary<NodeProto, NodeProto>();
        for (var layer = 0; layer < shape.Layers; layer++)
        {
            var cast = SoleConsumer(graph, EncoderSession.LookupInput(layer), "Cast");
            var mix = cast is null ? null : SoleConsumer(graph, cast.Output[0], "MatMul");
            var softmax = mix is null ? null : Producer(graph, mix.Input[0], "Softmax");
            var router = softmax is null ? null : Producer(graph, softmax.Input[0], "MatMul");
            var sum = mix is null ? null : SoleConsumer(graph, mix.Output[0], "Sum");
            if (router is null || sum is null || sum.Input.Count != 3
                || SoleConsumer(graph, softmax!.Output[0], "MatMul") != mix || SoleConsumer(graph, router.Output[0], "Softmax") != softmax)
            {
                return null;
            }

            var residual = sum.Input.Where(i => i != mix!.Output[0]).ToArray();
            var op = precision == LookupTablePrecision.Float16 ? OpType : Int8OpType;
            var node = new NodeProto { OpType = op, Domain = Domain, Name = $"mole_mix{layer}" };
            node.Input.AddRange([router.Input[0], router.Input[1], "input_ids", TableInput, residual[0], residual[1]]);
            node.Output.Add(sum.Output[0]);
            node.Attribute.Add(new AttributeProto { Name = "layer", I = layer, Type = AttributeProto.Types.AttributeType.Int });
            removed.UnionWith([cast!, mix!, softmax, router]);
            fused[sum] = node;
        }

        // The fused node takes the Sum's place: every input it reads is produced before the Sum was.
        var nodes = graph.Node.Where(n => !removed.Contains(n)).Select(n => fused.GetValueOrDefault(n, n)).ToList();
        graph.Node.Clear();
        graph.Node.AddRange(nodes);
        var lookupInputs = Enumerable.Range(0, shape.Layers).Select(EncoderSession.LookupInput).ToHashSet();
        var inputs = graph.Input.Where(i => !lookupInputs.Contains(i.Name)).ToList();
        inputs.Add(TableValue(shape, precision));
        graph.Input.Clear();
        graph.Input.AddRange(inputs);
        proto.OpsetImport.Add(new OperatorSetIdProto { Domain = Domain, Version = 1 });
        return proto.ToByteArray();
    }

    private static NodeProto? SoleConsumer(GraphProto graph, string value, string opType)
    {
        var consumers = graph.Node.Where(n => n.Input.Contains(value)).Take(2).ToList();
        return consumers is [var only] && only.OpType == opType && only.Domain.Length == 0 ? only : null;
    }

    private static NodeProto? Producer(GraphProto graph, string value, string opType) =>
        graph.Node.FirstOrDefault(n => n.Output.Contains(value) && n.OpType == opType && n.Domain.Length == 0);

    /// <summary>The table input: fp16 values [V, L·N·d], or the int8 table's bytes [V, L·N·(4 + d)].</summary>
    private static ValueInfoProto TableValue(ModelShape shape, LookupTablePrecision precision)
    {
        var half = precision == LookupTablePrecision.Float16;
        var rowBytes = LookupTable.RowBytesFor(shape, precision);
        var dims = new TensorShapeProto();
        dims.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = shape.Vocab });
        dims.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = half ? rowBytes / sizeof(ushort) : rowBytes });
        var type = half ? TensorProto.Types.DataType.Float16 : TensorProto.Types.DataType.Uint8;
        return new ValueInfoProto
        {
            Name = TableInput,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = dims } },
        };
    }
}
