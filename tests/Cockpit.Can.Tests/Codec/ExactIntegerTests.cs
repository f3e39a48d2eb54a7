using System.Globalization;
using Cockpit.Can.Codec;
using Cockpit.Can.Dbc;
using Cockpit.Can.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;

namespace Cockpit.Can.Tests.Codec;

/// <summary>
/// 64-bit integer signals through the integer path (<see cref="SignalValue"/>, <c>ToBits(long|ulong)</c>,
/// <see cref="DecodedSignal.Integer"/>), which never passes a value through a <see cref="double"/>. The expected
/// payloads are the values' bytes in the signal's byte order: big-endian for Motorola, little-endian for Intel.
/// </summary>
public sealed class ExactIntegerTests
{
    private static readonly DbcCodec Signed = new(DbcParser.Load(SharedDbcFiles.PathOf("cantools/signed.dbc")));
    private static readonly DbcCodec Padding = new(DbcParser.Load(SharedDbcFiles.PathOf("cantools/padding_bit_order.dbc")));

    public static TheoryData<string> SharedFiles => SharedDbcFiles.Names;

    [Theory]
    [InlineData("signed.dbc", "Message64", "s64", "9223372036854775807", "FFFFFFFFFFFFFF7F")] // 2^63 − 1, Intel
    [InlineData("signed.dbc", "Message64", "s64", "-9223372036854775808", "0000000000000080")] // −2^63
    [InlineData("signed.dbc", "Message64", "s64", "9007199254740993", "0100000000002000")] // 2^53 + 1
    [InlineData("signed.dbc", "Message64", "s64", "-9007199254740993", "FFFFFFFFFFFFDFFF")]
    [InlineData("signed.dbc", "Message64", "s64", "-1", "FFFFFFFFFFFFFFFF")]
    [InlineData("signed.dbc", "Message64big", "s64big", "9223372036854775807", "7FFFFFFFFFFFFFFF")] // Motorola
    [InlineData("signed.dbc", "Message64big", "s64big", "-9223372036854775808", "8000000000000000")]
    [InlineData("signed.dbc", "Message64big", "s64big", "9007199254740993", "0020000000000001")]
    [InlineData("padding_bit_order.dbc", "MSG3", "L", "18446744073709551615", "FFFFFFFFFFFFFFFF")] // 2^64 − 1, Motorola
    [InlineData("padding_bit_order.dbc", "MSG3", "L", "81985529216486895", "0123456789ABCDEF")]
    [InlineData("padding_bit_order.dbc", "MSG3", "L", "9007199254740993", "0020000000000001")]
    [InlineData("padding_bit_order.dbc", "MSG4", "M", "18446744073709551615", "FFFFFFFFFFFFFFFF")] // Intel
    [InlineData("padding_bit_order.dbc", "MSG4", "M", "81985529216486895", "EFCDAB8967452301")]
    [InlineData("padding_bit_order.dbc", "MSG4", "M", "9223372036854775808", "0000000000000080")] // 2^63
    [InlineData("padding_bit_order.dbc", "MSG4", "M", "18446744073709551614", "FEFFFFFFFFFFFFFF")]
    public void EncodeDecode_64BitIntegerValue_RoundTripsBitForBit(string file, string messageName, string signalName, string text, string payloadHex)
    {
        var codec = file == "signed.dbc" ? Signed : Padding;
        var value = Int128.Parse(text, CultureInfo.InvariantCulture);

        var frame = codec.Encode(messageName, new Dictionary<string, SignalValue> { [signalName] = SignalValue.FromInteger(value) });
        var decoded = Assert.Single(codec.Decode(frame));

        Assert.Equal(payloadHex, Convert.ToHexString(frame.Data.Span));
        Assert.Equal(value, decoded.Integer);
        Assert.Equal(unchecked((long)(ulong)(value & ulong.MaxValue)), decoded.Raw);
        Assert.Equal((double)value, decoded.Value);
        Assert.Equal($"{signalName} = {text}", decoded.ToString());
    }

    [Fact]
    public void ToBits_LongAndULongArguments_TakeTheExactPath()
    {
        var signed = Signed.GetMessage("Message64").GetSignal("s64");
        var unsigned = Padding.GetMessage("MSG4").GetSignal("M");

        Assert.Equal(0x7FFF_FFFF_FFFF_FFFFUL, signed.ToBits(long.MaxValue));
        Assert.Equal(0x8000_0000_0000_0000UL, signed.ToBits(long.MinValue));
        Assert.Equal(0x0020_0000_0000_0001UL, signed.ToBits((1L << 53) + 1));
        Assert.Equal(ulong.MaxValue, unsigned.ToBits(ulong.MaxValue));
        Assert.Equal(0x0020_0000_0000_0001UL, unsigned.ToBits((1UL << 53) + 1));
    }

    [Fact]
    public void ToBits_DoubleOfTwoToThe53PlusOne_LosesTheLowBitThatTheIntegerPathKeeps()
    {
        var codec = Padding.GetMessage("MSG4").GetSignal("M");
        const long Value = (1L << 53) + 1;

        Assert.Equal(1UL << 53, codec.ToBits((double)Value));
        Assert.Equal((1UL << 53) + 1, codec.ToBits(Value));
    }

    [Fact]
    public void Encode_SignalCodecWithULong_WritesAllBitsAndLeavesTheRest()
    {
        var codec = Padding.GetMessage("MSG3").GetSignal("L");
        var data = new byte[8];

        codec.Encode(data, 0x0123_4567_89AB_CDEFUL);

        Assert.Equal("0123456789ABCDEF", Convert.ToHexString(data));
        Assert.Equal((Int128)0x0123_4567_89AB_CDEFUL, codec.ToPhysicalInteger(codec.ReadBits(data)));
    }

    [Theory]
    [InlineData(9.2233720368547758E18, "Signal 's64': 9.223372036854776E+18 needs raw value 9.223372036854776E+18, which 64 signed bits cannot hold.")]
    [InlineData(-9.2233720368547778E18, "Signal 's64': -9.223372036854778E+18 needs raw value -9.223372036854778E+18, which 64 signed bits cannot hold.")]
    public void ToBits_DoubleJustBeyondSigned64Bits_ThrowsInsteadOfWrapping(double value, string expected)
    {
        var codec = Signed.GetMessage("Message64").GetSignal("s64");

        var error = Assert.Throws<CanCodecException>(() => codec.ToBits(value, checkRange: false));

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void ToBits_DoubleTwoToThe64IntoUnsigned64Bits_ThrowsInsteadOfSaturating()
    {
        var codec = Padding.GetMessage("MSG4").GetSignal("M");

        var error = Assert.Throws<CanCodecException>(() => codec.ToBits(18446744073709551616.0, checkRange: false));

        Assert.Equal("Signal 'M': 1.8446744073709552E+19 needs raw value 1.8446744073709552E+19, which 64 unsigned bits cannot hold.", error.Message);
    }

    [Theory]
    [InlineData("s64", "18446744073709551615", "Signal 's64': 18446744073709551615 needs raw value 18446744073709551615, which 64 signed bits cannot hold.")]
    [InlineData("s64", "9223372036854775808", "Signal 's64': 9223372036854775808 needs raw value 9223372036854775808, which 64 signed bits cannot hold.")]
    [InlineData("M", "-1", "Signal 'M': -1 needs raw value -1, which 64 unsigned bits cannot hold.")]
    [InlineData("M", "18446744073709551616", "Signal 'M': 18446744073709551616 needs raw value 18446744073709551616, which 64 unsigned bits cannot hold.")]
    public void ToBits_IntegerBeyond64Bits_ThrowsNamingExactValue(string signalName, string text, string expected)
    {
        var codec = signalName == "s64" ? Signed.GetMessage("Message64").GetSignal("s64") : Padding.GetMessage("MSG4").GetSignal("M");

        var error = Assert.Throws<CanCodecException>(() => codec.ToBits(SignalValue.FromInteger(Int128.Parse(text, CultureInfo.InvariantCulture)), checkRange: false));

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void ToBits_IntegerOutsideFileRange_ThrowsNamingExactValueAndRange()
    {
        var database = DbcParser.Parse("BO_ 1 M: 8 N\n SG_ S : 0|64@1+ (1,0) [0|100] \"\" X\n");
        var signal = new SignalCodec(database.Messages[0].Signals[0], 8);

        var error = Assert.Throws<CanCodecException>(() => signal.ToBits(ulong.MaxValue));

        Assert.Equal("Signal 'S': 18446744073709551615 is outside its range [0|100].", error.Message);
    }

    [Theory]
    [InlineData(11, 11UL)] // (11 + 10) / 2 = 10.5: halves away from zero
    [InlineData(12, 11UL)]
    [InlineData(-13, 0xFFFEUL)] // −1.5 → −2
    [InlineData(-10, 0UL)]
    public void ToBits_IntegerWithWholeFactorAndOffset_RoundsAsTheDoublePathDoes(long value, ulong expected)
    {
        var database = DbcParser.Parse("BO_ 1 M: 8 N\n SG_ S : 0|16@1- (2,-10) [0|0] \"\" X\n");
        var codec = new SignalCodec(database.Messages[0].Signals[0], 8);

        Assert.Equal(expected, codec.ToBits(value));
        Assert.Equal(expected, codec.ToBits((double)value));
    }

    [Fact]
    public void ToBits_IntegerForFractionalScale_TakesTheDoublePath()
    {
        var message = new DbcCodec(DbcParser.Load(SharedDbcFiles.PathOf("cantools/motohawk.dbc"))).GetMessage("ExampleMessage");
        var temperature = message.GetSignal("Temperature");

        Assert.Equal(temperature.ToBits(255.0), temperature.ToBits(255L));
        Assert.Null(temperature.ToPhysicalInteger(temperature.ToBits(255L)));
        var decoded = message.Decode([0x80, 0x4A, 0x0F, 0, 0, 0, 0, 0]).ToDictionary(s => s.Name, s => s.Integer);
        Assert.Equal((Int128)1, decoded["Enable"]);
        Assert.Null(decoded["AverageRadius"]);
        Assert.Null(decoded["Temperature"]);
    }

    [Fact]
    public void Encode_MixedIntegerAndDoubleValues_EachTakesItsPath()
    {
        var codec = new DbcCodec(DbcParser.Load(SharedDbcFiles.PathOf("cantools/foobar.dbc")));

        var frame = codec.Encode("CanFd", new Dictionary<string, SignalValue> { ["Fie"] = ulong.MaxValue, ["Fas"] = 5.0 });
        var decoded = codec.Decode(frame);

        Assert.Equal([(Int128)ulong.MaxValue, (Int128)5], decoded.Select(s => s.Integer!.Value));
        Assert.Equal("FFFFFFFFFFFFFFFF0500000000000000", Convert.ToHexString(frame.Data.Span[..16]));
    }

    [Fact]
    public void SignalValue_ImplicitConversions_KeepIntegersExact()
    {
        var values = new Dictionary<string, SignalValue>
        {
            ["int"] = -1,
            ["uint"] = uint.MaxValue,
            ["long"] = long.MinValue,
            ["ulong"] = ulong.MaxValue,
            ["int128"] = (Int128)ulong.MaxValue + 1,
            ["float"] = 1.5f,
            ["double"] = 0.1,
        };

        Assert.Equal(["int", "uint", "long", "ulong", "int128"], values.Where(p => p.Value.IsInteger).Select(p => p.Key));
        Assert.True(values["ulong"].TryGetInteger(out var max));
        Assert.Equal(ulong.MaxValue, (ulong)max);
        Assert.Equal("18446744073709551616", values["int128"].ToString());
        Assert.Equal(0.1, values["double"].ToDouble());
        Assert.NotEqual(SignalValue.FromInteger(5), SignalValue.FromDouble(5));
    }

    [Theory]
    [MemberData(nameof(SharedFiles))]
    public void ToPhysicalIntegerToBits_EveryWholeScaleSignalOfSharedFile_RoundTripsExactly(string file)
    {
        var database = DbcParser.Load(SharedDbcFiles.PathOf(file));

        foreach (var message in database.Messages)
        {
            foreach (var signal in message.Signals)
            {
                var codec = new SignalCodec(signal, message.Length);
                var property = Prop.ForAll(Generators.PayloadAndBits(8, signal).ToArbitrary(), sample =>
                {
                    var bits = sample.Bits;
                    if (codec.ToPhysicalInteger(bits) is not { } exact)
                    {
                        return signal.ValueType != DbcValueType.Integer || signal.Factor == 0 || !double.IsInteger(signal.Factor) || !double.IsInteger(signal.Offset);
                    }

                    var nearDouble = Int128.Abs(exact) > (Int128.One << 53) || (double)exact == codec.ToPhysical(bits);
                    return codec.ToBits(SignalValue.FromInteger(exact), checkRange: false) == bits && nearDouble;
                });

                Check.One(Config.QuickThrowOnFailure.WithMaxTest(60).WithName($"{file} {message.Name}.{signal.Name}"), property);
            }
        }
    }
}
