using Cockpit.Can.Codec;
using Cockpit.Can.Dbc;
using Cockpit.Can.Frames;
using Cockpit.Can.Tests.Infrastructure;

namespace Cockpit.Can.Tests.Codec;

public sealed class MessageCodecTests
{
    private static readonly DbcCodec Multiplex = new(DbcParser.Load(SharedDbcFiles.PathOf("cantools/multiplex.dbc")));
    private static readonly DbcCodec Multiplex2 = new(DbcParser.Load(SharedDbcFiles.PathOf("cantools/multiplex_2.dbc")));

    [Theory]
    [InlineData(8, "Multiplexor BIT_J BIT_C BIT_G BIT_L")]
    [InlineData(16, "Multiplexor BIT_J BIT_C BIT_G BIT_L")]
    [InlineData(24, "BIT_K BIT_D BIT_B BIT_F BIT_H BIT_E BIT_A Multiplexor BIT_J BIT_C BIT_G BIT_L")]
    [InlineData(3, "Multiplexor")]
    public void Decode_MultiplexedMessage_DecodesOnlySignalsOfActiveValue(int multiplexor, string expected)
    {
        var payload = new byte[8];
        Array.Fill(payload, (byte)0xFF);
        payload[0] = (byte)((multiplexor << 2) | 0x03);

        var decoded = Multiplex.Decode(new CanFrame(0x123456, payload, isExtended: true));

        Assert.Equal(expected.Split(' ').Order(StringComparer.Ordinal), decoded.Select(s => s.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Decode_ChainedExtendedMultiplexers_FollowsEachLevel()
    {
        var message = Multiplex2.GetMessage("Extended");
        var payload = new byte[8];
        payload[0] = 0x20; // S0 = 0, S1 = 2
        payload[4] = 0x01; // S6 = 1

        var decoded = message.Decode(payload);

        Assert.Equal(["S0", "S1", "S4", "S6", "S7"], decoded.Select(s => s.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Encode_MultiplexedRoundTrip_DecodesTheSameValues()
    {
        var message = Multiplex2.GetMessage("Extended");
        var values = new Dictionary<string, double> { ["S0"] = 0, ["S1"] = 2, ["S4"] = -1234, ["S6"] = 1, ["S7"] = 77 };

        var payload = message.Encode(values);
        var decoded = message.Decode(payload).ToDictionary(s => s.Name, s => s.Value);

        Assert.Equal(values.OrderBy(p => p.Key, StringComparer.Ordinal), decoded.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void Encode_ValueForInactiveSignal_ThrowsNamingMultiplexerValue()
    {
        var message = Multiplex.GetMessage("Message1");
        var values = new Dictionary<string, double> { ["Multiplexor"] = 8, ["BIT_J"] = 1, ["BIT_C"] = 1, ["BIT_G"] = 1, ["BIT_L"] = 1, ["BIT_K"] = 1 };

        var error = Assert.Throws<CanCodecException>(() => message.Encode(values));

        Assert.Equal("Message 'Message1': signal 'BIT_K' is not present when Multiplexor = 8.", error.Message);
    }

    [Fact]
    public void Encode_MissingValue_ThrowsNamingSignal()
    {
        var message = Multiplex.GetMessage("Message1");

        var error = Assert.Throws<CanCodecException>(() => message.Encode(new Dictionary<string, double> { ["Multiplexor"] = 8 }));

        Assert.StartsWith("Message 'Message1': no value for signal 'BIT_", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_UnknownSignal_ThrowsNamingIt()
    {
        var message = Multiplex.GetMessage("Message1");

        var error = Assert.Throws<CanCodecException>(() => message.Encode(new Dictionary<string, double> { ["Nope"] = 8 }));

        Assert.Equal("Message 'Message1' has no signal 'Nope'.", error.Message);
    }

    [Fact]
    public void Encode_ExtendedFdMessage_BuildsFrameWithFlags()
    {
        var codec = new DbcCodec(DbcParser.Load(SharedDbcFiles.PathOf("cantools/foobar.dbc")));

        var frame = codec.Encode("CanFd", new Dictionary<string, double> { ["Fie"] = 5, ["Fas"] = 6 });

        Assert.Equal((0x12333u, true, true, 64), (frame.Id, frame.IsExtended, frame.IsFd, frame.Length));
        Assert.Equal([5.0, 6.0], codec.Decode(frame).Select(s => s.Value));
    }
}
