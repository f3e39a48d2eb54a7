using Cockpit.Can.Codec;
using Cockpit.Can.Dbc;
using Cockpit.Can.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;

namespace Cockpit.Can.Tests.Codec;

public sealed class SignalCodecTests
{
    private static readonly byte[] MotohawkFrame = [0x80, 0x4A, 0x0F, 0x00, 0x00, 0x00, 0x00, 0x00];

    public static TheoryData<string> SharedFiles => SharedDbcFiles.Names;

    [Fact]
    public void Decode_MotohawkKnownVector_GivesDocumentedValues()
    {
        var codec = new DbcCodec(DbcParser.Load(SharedDbcFiles.PathOf("cantools/motohawk.dbc")));

        var signals = codec.GetMessage("ExampleMessage").Decode(MotohawkFrame).ToDictionary(s => s.Name);

        Assert.Equal(1, signals["Enable"].Value);
        Assert.Equal("Enabled", signals["Enable"].Choice);
        Assert.Equal(0.0, signals["AverageRadius"].Value);
        Assert.Equal("m", signals["AverageRadius"].Unit);
        Assert.Equal(255.92, signals["Temperature"].Value, 1e-9);
        Assert.Equal("degK", signals["Temperature"].Unit);
    }

    [Fact]
    public void Encode_MotohawkKnownValues_SetsOnlyTheSignalBits()
    {
        var message = new DbcCodec(DbcParser.Load(SharedDbcFiles.PathOf("cantools/motohawk.dbc"))).GetMessage("ExampleMessage");
        var enabled = message.GetSignal("Enable").ChoiceToPhysical("Enabled");
        var values = new Dictionary<string, double> { ["Temperature"] = 255.92, ["AverageRadius"] = 0.0, ["Enable"] = enabled };
        var overwritten = (byte[])MotohawkFrame.Clone();

        var fresh = message.Encode(values);
        message.Encode(overwritten, values);

        Assert.Equal(new byte[] { 0x80, 0x4A, 0x00, 0, 0, 0, 0, 0 }, fresh);
        Assert.Equal(MotohawkFrame, overwritten);
    }

    [Theory]
    [InlineData(229.4, "Signal 'Temperature': 229.4 degK is outside its range [229.52|270.47].")]
    [InlineData(271.0, "Signal 'Temperature': 271 degK is outside its range [229.52|270.47].")]
    public void ToBits_OutsideRange_ThrowsNamingSignalAndRange(double value, string expected)
    {
        var codec = new SignalCodec(DbcParser.Load(SharedDbcFiles.PathOf("cantools/motohawk.dbc")).GetMessage("ExampleMessage").GetSignal("Temperature"), 8);

        var error = Assert.Throws<CanCodecException>(() => codec.ToBits(value));

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void ToBits_RawValueTooWideWithoutRangeCheck_ThrowsNamingBits()
    {
        var codec = new SignalCodec(DbcParser.Load(SharedDbcFiles.PathOf("cantools/motohawk.dbc")).GetMessage("ExampleMessage").GetSignal("AverageRadius"), 8);

        var error = Assert.Throws<CanCodecException>(() => codec.ToBits(6.4, checkRange: false));

        Assert.Equal("Signal 'AverageRadius': 6.4 needs raw value 64, which 6 unsigned bits cannot hold.", error.Message);
    }

    [Theory]
    [InlineData(0.04, 0)]
    [InlineData(0.06, 1)]
    [InlineData(0.149, 1)]
    [InlineData(0.151, 2)]
    [InlineData(0.3, 3)]
    public void ToBits_BetweenSteps_RoundsToNearestStep(double value, ulong expected)
    {
        var codec = new SignalCodec(DbcParser.Load(SharedDbcFiles.PathOf("cantools/motohawk.dbc")).GetMessage("ExampleMessage").GetSignal("AverageRadius"), 8);

        Assert.Equal(expected, codec.ToBits(value));
    }

    [Fact]
    public void ReadBits_PayloadShorterThanSignal_ThrowsNamingSignal()
    {
        var codec = new SignalCodec(DbcParser.Load(SharedDbcFiles.PathOf("cantools/motohawk.dbc")).GetMessage("ExampleMessage").GetSignal("Temperature"), 8);

        var error = Assert.Throws<CanCodecException>(() => codec.ReadBits([0x80, 0x4A]));

        Assert.Equal("Signal 'Temperature' needs a payload of at least 3 bytes, got 2.", error.Message);
    }

    [Theory]
    [MemberData(nameof(SharedFiles))]
    public void ReadBitsWriteBits_EverySignalOfSharedFile_MatchOracleAndRoundTrip(string file)
    {
        var database = DbcParser.Load(SharedDbcFiles.PathOf(file));

        foreach (var message in database.Messages)
        {
            foreach (var signal in message.Signals)
            {
                var codec = new SignalCodec(signal, message.Length);
                var length = Math.Max(message.Length, codec.RequiredLength);
                var property = Prop.ForAll(Generators.PayloadAndBits(length, signal).ToArbitrary(), sample =>
                {
                    var (payload, bits) = sample;
                    var written = (byte[])payload.Clone();
                    var expected = (byte[])payload.Clone();
                    codec.WriteBits(written, bits);
                    BitOracle.Write(signal, expected, bits);
                    return codec.ReadBits(written) == bits
                        && written.AsSpan().SequenceEqual(expected)
                        && codec.ReadBits(payload) == BitOracle.Read(signal, payload);
                });

                Check.One(Config.QuickThrowOnFailure.WithMaxTest(60).WithName($"{file} {message.Name}.{signal.Name}"), property);
            }
        }
    }

    [Theory]
    [MemberData(nameof(SharedFiles))]
    public void EncodeDecode_EverySignalOfSharedFile_PhysicalValueRoundTrips(string file)
    {
        var database = DbcParser.Load(SharedDbcFiles.PathOf(file));

        foreach (var message in database.Messages)
        {
            foreach (var signal in message.Signals)
            {
                var codec = new SignalCodec(signal, message.Length);
                var length = Math.Max(message.Length, codec.RequiredLength);
                var property = Prop.ForAll(Generators.PayloadAndBits(length, signal).ToArbitrary(), sample =>
                {
                    var (payload, bits) = sample;
                    if (!Generators.IsExactlyRepresentable(signal, bits))
                    {
                        return true;
                    }

                    var frame = (byte[])payload.Clone();
                    codec.WriteBits(frame, bits);
                    var physical = codec.Decode(frame);
                    var again = (byte[])payload.Clone();
                    codec.Encode(again, physical, checkRange: false);
                    return again.AsSpan().SequenceEqual(frame) && codec.Decode(again).Equals(physical);
                });

                Check.One(Config.QuickThrowOnFailure.WithMaxTest(60).WithName($"{file} {message.Name}.{signal.Name}"), property);
            }
        }
    }
}
