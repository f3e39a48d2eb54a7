using Cockpit.Can.Codec;
using Cockpit.Can.Dbc;
using Cockpit.Can.Tests.Infrastructure;

namespace Cockpit.Can.Tests.Dbc;

/// <summary>
/// Names cut to 32 characters on the <c>BU_</c>, <c>BO_</c> and <c>SG_</c> lines, with the whole name in
/// <c>SystemNodeLongSymbol</c>, <c>SystemMessageLongSymbol</c> and <c>SystemSignalLongSymbol</c>. The expected
/// names are the attribute strings of cantools' long_names.dbc, read off the file.
/// </summary>
public sealed class DbcLongNameTests
{
    private static readonly DbcDatabase LongNames = DbcParser.Load(SharedDbcFiles.PathOf("cantools/long_names.dbc"));

    [Fact]
    public void Load_LongNamesFile_NamesMessagesAfterSystemMessageLongSymbol()
    {
        var names = LongNames.Messages.Select(m => (m.FileId, m.Name));

        Assert.Equal(
        [
            (9u, "SS12345678901234567890123458789012345"),
            (8u, "SS1234567890123456789012345778901"),
            (7u, "SS1234567890123456789012345878901234"),
            (6u, "SS123456789012345678901234577890"), // no attribute: the BO_ name stays
            (5u, "SS12345678901234567890123456789012"),
            (4u, "S12345678901234567890123456789012"),
            (0u, "M123456789012345678901234567890123"),
            (1u, "M1234567890123456789012345678901"), // no attribute
            (2u, "M12345678901234567890123456789012"),
            (3u, "MM12345678901234567890123456789012"),
        ], names);
        Assert.Equal("SS123456789012345678901234587890", LongNames.GetMessage("SS12345678901234567890123458789012345").ShortName);
    }

    [Fact]
    public void Load_LongNamesFile_NamesSignalsAfterSystemSignalLongSymbol()
    {
        var message = LongNames.GetMessage("M1234567890123456789012345678901");

        Assert.Equal(
        [
            ("SS1234567890123456789012345_0000", "SS12345678901234567890123456789012332"),
            ("SS1234567890123456789012345_0001", "SS1234567890123456789012345678901233"),
            ("SS1234567890123456789012345_0002", "SS12345678901234567890123456789012"),
            ("S12345678901234567890123456_0000", "S123456789012345678901234567890123"),
            ("S1234567890123456789012345678901", "S1234567890123456789012345678901"), // no attribute
        ], message.Signals.Select(s => (s.ShortName, s.Name)));
        Assert.Equal(["SS12345678901234567890123456789012dw", "SS12345678901234567890123456789012", "S12345678901234567890123456789012", "S123456789012345678901234567890123"],
            LongNames.GetMessage("M12345678901234567890123456789012").Signals.Select(s => s.Name));
        Assert.Equal(["SSS12345678901234567890123456789012", "SS1234567890123456789012345678901233"],
            LongNames.GetMessage("MM12345678901234567890123456789012").Signals.Select(s => s.Name));
    }

    [Fact]
    public void Load_LongNamesFile_NamesNodesAndTheirReferencesAfterSystemNodeLongSymbol()
    {
        Assert.Equal(
            ["NN123456789012345678901234567890123", "N123456789012345678901234567890123", "N1234567890123456789012345678901", "N12345678901234567890123456789012"],
            LongNames.Nodes.Select(n => n.Name));
        Assert.Equal("N12345678901234567890123456789012", LongNames.GetMessage("M12345678901234567890123456789012").Sender);
        Assert.Equal("N1234567890123456789012345678901", LongNames.GetMessage("M1234567890123456789012345678901").Sender);
        Assert.Equal(["N123456789012345678901234567890123"],
            LongNames.GetMessage("M1234567890123456789012345678901").GetSignal("SS12345678901234567890123456789012").Receivers);
    }

    [Fact]
    public void DecodeEncode_LongNamesFile_UsesLongNamesBothWays()
    {
        var codec = new DbcCodec(LongNames);
        var values = new Dictionary<string, double>
        {
            ["SS12345678901234567890123456789012332"] = -5,
            ["SS1234567890123456789012345678901233"] = 4,
            ["SS12345678901234567890123456789012"] = 3,
            ["S123456789012345678901234567890123"] = 2,
            ["S1234567890123456789012345678901"] = 1,
        };

        var frame = codec.Encode("M1234567890123456789012345678901", values);
        var decoded = codec.Decode(frame).ToDictionary(s => s.Name, s => s.Value);

        Assert.Equal(new byte[] { 1, 2, 3, 4, 0xFB, 0, 0, 0 }, frame.Data.ToArray());
        Assert.Equal(values.OrderBy(p => p.Key, StringComparer.Ordinal), decoded.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void GetMessage_ShortNameOfLongNamedMessage_ThrowsNamingTheLongName()
    {
        var codec = new DbcCodec(LongNames);

        var error = Assert.Throws<CanCodecException>(() => codec.GetMessage("M12345678901234567890123456_0000"));

        Assert.Equal("long_names.dbc has no message 'M12345678901234567890123456_0000'; the file's long name for it is 'M123456789012345678901234567890123'.", error.Message);
    }

    [Fact]
    public void GetSignal_ShortNameOfLongNamedSignal_ThrowsNamingTheLongName()
    {
        var message = new DbcCodec(LongNames).GetMessage("M123456789012345678901234567890123");

        var error = Assert.Throws<CanCodecException>(() => message.GetSignal("SSS12345678901234567890123456789"));

        Assert.Equal("Message 'M123456789012345678901234567890123' has no signal 'SSS12345678901234567890123456789'; the file's long name for it is 'SSS12345678901234567890123456789012'.", error.Message);
    }

    [Fact]
    public void Parse_LongNamedMultiplexer_RenamesTheReferencesToIt()
    {
        const string text = """
            BO_ 1 Msg: 8 Vector__XXX
             SG_ Mux_0000 M : 0|8@1+ (1,0) [0|0] "" Vector__XXX
             SG_ Value_0000 m1 : 8|8@1+ (1,0) [0|0] "" Vector__XXX
             SG_ Other m2 : 8|8@1+ (1,0) [0|0] "" Vector__XXX

            BA_DEF_ SG_ "SystemSignalLongSymbol" STRING ;
            BA_DEF_DEF_ "SystemSignalLongSymbol" "";
            BA_ "SystemSignalLongSymbol" SG_ 1 Mux_0000 "TheMultiplexerWithAVeryLongName";
            BA_ "SystemSignalLongSymbol" SG_ 1 Value_0000 "TheValueWithAVeryLongNameIndeed";
            VAL_ 1 Value_0000 7 "Seven";
            """;

        var database = DbcParser.Parse(text, "mux.dbc");
        var decoded = new DbcCodec(database).GetMessage("Msg").Decode([1, 7, 0, 0, 0, 0, 0, 0]);

        Assert.Equal("TheMultiplexerWithAVeryLongName", database.GetMessage("Msg").GetSignal("TheValueWithAVeryLongNameIndeed").Multiplexer);
        Assert.Equal(["TheMultiplexerWithAVeryLongName", "TheValueWithAVeryLongNameIndeed"], decoded.Select(s => s.Name));
        Assert.Equal("Seven", decoded[1].Choice);
        Assert.Empty(database.Warnings);
    }

    [Fact]
    public void Parse_LongNameTakenByAnotherSignal_KeepsShortNameAndWarns()
    {
        const string text = """
            BO_ 1 Msg: 8 Vector__XXX
             SG_ A : 0|8@1+ (1,0) [0|0] "" Vector__XXX
             SG_ B : 8|8@1+ (1,0) [0|0] "" Vector__XXX

            BA_DEF_ SG_ "SystemSignalLongSymbol" STRING ;
            BA_ "SystemSignalLongSymbol" SG_ 1 A "B";
            """;

        var database = DbcParser.Parse(text, "clash.dbc");

        Assert.Equal(["A", "B"], database.GetMessage("Msg").Signals.Select(s => s.Name));
        Assert.Equal(
            "clash.dbc(2): SystemSignalLongSymbol 'B' of signal 'A' is already a signal name in message 'Msg'; the signal keeps its name 'A'",
            Assert.Single(database.Warnings));
    }
}
