using BenchmarkDotNet.Attributes;
using Cockpit.Can.Codec;
using Cockpit.Can.Dbc;

namespace Cockpit.Benchmarks.Can;

/// <summary>
/// Decode and encode of one simple signal, the path every received status frame takes. Each invocation runs
/// <see cref="Operations"/> calls, so the reported time is per signal; the goal is at least 20 million decodes per
/// second on one core (≤ 50 ns) with no allocation.
/// </summary>
[MemoryDiagnoser]
public class SignalCodecBenchmark
{
    private const int Operations = 1024;

    // motohawk.dbc from the cantools tests, plus one Intel signal, inline so the benchmark needs no files.
    private const string Dbc = """
        VERSION "1.0"
        BU_: PCM1 FOO
        BO_ 496 ExampleMessage: 8 PCM1
         SG_ Temperature : 0|12@0- (0.01,250) [229.52|270.47] "degK"  PCM1,FOO
         SG_ AverageRadius : 6|6@0+ (0.1,0) [0|5] "m" Vector__XXX
         SG_ Enable : 7|1@0+ (1,0) [0|0] "-" Vector__XXX
        BO_ 112 MM5_10_TX1: 8 DRS_MM5_10
         SG_ Yaw_Rate : 0|16@1+ (0.005,-163.84) [-163.84|163.83] "deg/s"  ABS
         SG_ AY1 : 32|16@1+ (0.000127465,-4.1768) [-4.1768|4.1765] "g"  ABS
        VAL_ 496 Enable 0 "Disabled" 1 "Enabled" ;
        """;

    private readonly byte[] _frame = [0x80, 0x4A, 0x0F, 0x00, 0x34, 0x12, 0x00, 0x00];
    private readonly byte[] _scratch = new byte[8];
    private SignalCodec _temperature = null!;
    private SignalCodec _intel = null!;
    private MessageCodec _message = null!;
    private Dictionary<string, double> _values = null!;

    [GlobalSetup]
    public void Setup()
    {
        var codec = new DbcCodec(DbcParser.Parse(Dbc, "bench.dbc"));
        _message = codec.GetMessage("ExampleMessage");
        _temperature = _message.GetSignal("Temperature");
        _intel = codec.GetMessage("MM5_10_TX1").GetSignal("AY1");
        _values = new Dictionary<string, double> { ["Temperature"] = 255.92, ["AverageRadius"] = 0.0, ["Enable"] = 1 };
    }

    /// <summary>Motorola, signed, 12 bits: decode to a physical value.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Operations)]
    public double DecodeMotorolaSigned()
    {
        var sum = 0.0;
        ReadOnlySpan<byte> data = _frame;
        for (var i = 0; i < Operations; i++)
        {
            sum += _temperature.Decode(data);
        }

        return sum;
    }

    /// <summary>Intel, unsigned, 16 bits at byte 4: decode to a physical value.</summary>
    [Benchmark(OperationsPerInvoke = Operations)]
    public double DecodeIntelUnsigned()
    {
        var sum = 0.0;
        ReadOnlySpan<byte> data = _frame;
        for (var i = 0; i < Operations; i++)
        {
            sum += _intel.Decode(data);
        }

        return sum;
    }

    /// <summary>Motorola, signed, 12 bits: encode a physical value into a payload (range check on).</summary>
    [Benchmark(OperationsPerInvoke = Operations)]
    public byte EncodeMotorolaSigned()
    {
        Span<byte> data = _scratch;
        for (var i = 0; i < Operations; i++)
        {
            _temperature.Encode(data, 255.92 + (i & 7));
        }

        return data[1];
    }

    /// <summary>A whole frame: all three signals with value names, into a new list (allocates the result).</summary>
    [Benchmark]
    public int DecodeMessage() => _message.Decode(_frame).Count;

    /// <summary>A whole frame from a name → value map into a new payload (allocates the payload).</summary>
    [Benchmark]
    public int EncodeMessage() => _message.Encode(_values).Length;
}
