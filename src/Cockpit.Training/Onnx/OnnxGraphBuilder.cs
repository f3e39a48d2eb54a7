using Cockpit.Understanding.Onnx.Proto;
using Google.Protobuf;

namespace Cockpit.Training.Onnx;

/// <summary>Small helper to write an ONNX graph: initializers, constants, nodes, typed inputs and outputs.</summary>
internal sealed class OnnxGraphBuilder(string name)
{
    public const int Float = (int)TensorProto.Types.DataType.Float;
    public const int Float16 = (int)TensorProto.Types.DataType.Float16;
    public const int Int64 = (int)TensorProto.Types.DataType.Int64;

    private readonly GraphProto _graph = new() { Name = name };
    private int _counter;

    public string Unique(string prefix) => $"{prefix}_{_counter++}";

    public string Initializer(string tensorName, float[] data, long[] shape, bool half = false)
    {
        var t = new TensorProto { Name = tensorName, DataType = half ? Float16 : Float };
        t.Dims.AddRange(shape);
        var bytes = new byte[data.Length * (half ? 2 : 4)];
        for (var i = 0; i < data.Length; i++)
        {
            if (half)
            {
                BitConverter.TryWriteBytes(bytes.AsSpan(i * 2), BitConverter.HalfToUInt16Bits((Half)data[i]));
            }
            else
            {
                BitConverter.TryWriteBytes(bytes.AsSpan(i * 4), data[i]);
            }
        }

        t.RawData = ByteString.CopyFrom(bytes);
        _graph.Initializer.Add(t);
        return tensorName;
    }

    /// <summary>An fp16 initializer cast to float in the graph (keeps the file small).</summary>
    public string HalfWeight(string tensorName, float[] data, long[] shape)
    {
        Initializer(tensorName + ".f16", data, shape, half: true);
        return Node("Cast", [tensorName + ".f16"], tensorName, Attr("to", Float));
    }

    public string Int64s(long[] values, bool scalar = false)
    {
        var tensorName = Unique("const");
        var t = new TensorProto { Name = tensorName, DataType = Int64 };
        if (!scalar)
        {
            t.Dims.Add(values.Length);
        }

        t.Int64Data.AddRange(values);
        _graph.Initializer.Add(t);
        return tensorName;
    }

    public string Scalar(float value) => Initializer(Unique("scalar"), [value], []);

    public static AttributeProto Attr(string attrName, long value) =>
        new() { Name = attrName, I = value, Type = AttributeProto.Types.AttributeType.Int };

    public static AttributeProto Attr(string attrName, long[] values)
    {
        var a = new AttributeProto { Name = attrName, Type = AttributeProto.Types.AttributeType.Ints };
        a.Ints.AddRange(values);
        return a;
    }

    public string Node(string op, string[] inputs, string? output = null, params AttributeProto[] attributes)
    {
        output ??= Unique(op.ToLowerInvariant());
        var n = new NodeProto { OpType = op, Name = Unique("n_" + op) };
        n.Input.AddRange(inputs);
        n.Output.Add(output);
        n.Attribute.AddRange(attributes);
        _graph.Node.Add(n);
        return output;
    }

    public void Input(string tensorName, int elemType, params object[] dims) => _graph.Input.Add(Value(tensorName, elemType, dims));

    public void Output(string tensorName, int elemType, params object[] dims) => _graph.Output.Add(Value(tensorName, elemType, dims));

    /// <summary>RMSNorm as primitive ops: x / sqrt(mean(x²) + eps) · w.</summary>
    public string RmsNorm(string x, string weight)
    {
        // Pow rather than Mul(x, x): ONNX Runtime fuses this pattern into one SimplifiedLayerNormalization kernel.
        var sq = Node("Pow", [x, Scalar(2f)]);
        var mean = Node("ReduceMean", [sq], null, Attr("axes", [-1L]), Attr("keepdims", 1));
        var r = Node("Sqrt", [Node("Add", [mean, Scalar(1e-6f)])]);
        return Node("Mul", [Node("Div", [x, r]), weight]);
    }

    public string Linear(string x, string w, string b) => Node("Add", [Node("MatMul", [x, w]), b]);

    public void Save(string path, int opset, int irVersion, IReadOnlyDictionary<string, string> metadata)
    {
        var model = new ModelProto
        {
            IrVersion = irVersion,
            ProducerName = "Cockpit.Training",
            ProducerVersion = "1.0",
            Graph = _graph,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = opset });
        foreach (var (k, v) in metadata)
        {
            model.MetadataProps.Add(new StringStringEntryProto { Key = k, Value = v });
        }

        using var file = File.Create(path);
        model.WriteTo(file);
    }

    private static ValueInfoProto Value(string tensorName, int elemType, object[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (var d in dims)
        {
            shape.Dim.Add(d is string s ? new TensorShapeProto.Types.Dimension { DimParam = s } : new TensorShapeProto.Types.Dimension { DimValue = Convert.ToInt64(d, System.Globalization.CultureInfo.InvariantCulture) });
        }

        return new ValueInfoProto
        {
            Name = tensorName,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = elemType, Shape = shape } },
        };
    }
}
