using Cockpit.Can.Dbc;
using Cockpit.Can.Tests.Infrastructure;

namespace Cockpit.Can.Tests.Dbc;

public sealed class DbcParserTests
{
    public static TheoryData<string> SharedFiles => SharedDbcFiles.Names;

    [Theory]
    [MemberData(nameof(SharedFiles))]
    public void Load_SharedFile_ParsesEverySignalInsideItsMessage(string file)
    {
        var database = DbcParser.Load(SharedDbcFiles.PathOf(file));

        Assert.NotEmpty(database.Messages);
        foreach (var message in database.Messages)
        {
            Assert.InRange(message.Length, 0, 64);
            foreach (var signal in message.Signals)
            {
                Assert.InRange(signal.Length, 1, 64);
                Assert.True(signal.Multiplexer is null || message.Signals.Any(s => s.Name == signal.Multiplexer),
                    $"{message.Name}.{signal.Name} names an unknown multiplexer");
            }
        }
    }

    [Fact]
    public void Load_Motohawk_ReadsMessageSignalsChoicesAndComment()
    {
        var database = DbcParser.Load(SharedDbcFiles.PathOf("cantools/motohawk.dbc"));

        var message = Assert.Single(database.Messages);
        Assert.Equal("1.0", database.Version);
        Assert.Equal(["PCM1", "FOO"], database.Nodes.Select(n => n.Name));
        Assert.Equal((0x1F0u, false, 8, "PCM1"), (message.Id, message.IsExtended, message.Length, message.Sender));
        Assert.Equal("Example message used as template in MotoHawk models.", message.Comment);
        Assert.Null(message.CycleTime);
        var temperature = message.GetSignal("Temperature");
        Assert.Equal((0, 12, DbcByteOrder.BigEndian, true), (temperature.StartBit, temperature.Length, temperature.ByteOrder, temperature.IsSigned));
        Assert.Equal((0.01, 250.0, 229.52, 270.47, "degK"), (temperature.Factor, temperature.Offset, temperature.Minimum, temperature.Maximum, temperature.Unit));
        Assert.Equal(["PCM1", "FOO"], temperature.Receivers);
        Assert.Empty(message.GetSignal("Enable").Receivers);
        Assert.Equal("Enabled", message.GetSignal("Enable").Choices[1]);
    }

    [Fact]
    public void Load_Foobar_ReadsExtendedIdsFdAndTransmitters()
    {
        var database = DbcParser.Load(SharedDbcFiles.PathOf("cantools/foobar.dbc"));

        var foo = database.GetMessage("Foo");
        Assert.Equal((0x12330u, true, 2147558192u), (foo.Id, foo.IsExtended, foo.FileId));
        Assert.True(database.TryGetMessage(0x12330, isExtended: true, out _));
        Assert.False(database.TryGetMessage(0x12330, isExtended: false, out _));
        var fd = database.GetMessage("CanFd");
        Assert.Equal((64, true), (fd.Length, fd.IsFd));
        Assert.Equal(["FOO", "BAR"], database.GetMessage("Bar").Transmitters);
        Assert.Equal("fam \"1\"", database.Nodes.Single(n => n.Name == "BAR").Comment);
        Assert.Equal("Enabled", database.ValueTables["State"][1]);
    }

    [Fact]
    public void Load_Attributes_ResolvesValuesDefaultsAndCycleTime()
    {
        var database = DbcParser.Load(SharedDbcFiles.PathOf("cantools/attributes.dbc"));

        var message = database.GetMessage("TheMessage");
        Assert.Equal(58.7, message.Attributes["TheFloatAttribute"]);
        Assert.Equal(5L, message.Attributes["TheHexAttribute"]);
        Assert.Equal(99L, database.Nodes.Single().Attributes["TheNodeAttribute"]);
        Assert.Equal(51L, database.Attributes["TheNetworkAttribute"]);
        Assert.Equal(TimeSpan.FromSeconds(1), database.GetMessage("TheMessage").CycleTime);
    }

    [Fact]
    public void Load_FloatingPoint_ReadsValueTypes()
    {
        var database = DbcParser.Load(SharedDbcFiles.PathOf("cantools/floating_point.dbc"));

        Assert.Equal(DbcValueType.Float64, database.GetMessage("Message1").GetSignal("Signal1").ValueType);
        Assert.Equal(DbcValueType.Float32, database.GetMessage("Message2").GetSignal("Signal2").ValueType);
    }

    [Fact]
    public void Load_Windows1252File_DecodesNonAsciiCharacters()
    {
        var abs = DbcParser.Load(SharedDbcFiles.PathOf("cantools/abs.dbc"));
        var choices = DbcParser.Load(SharedDbcFiles.PathOf("cantools/choices.dbc"));

        Assert.Contains(abs.Messages.SelectMany(m => m.Signals), s => s.Unit == "°/s");
        Assert.Equal("#%=*ä'", choices.GetMessage("Foo").GetSignal("Foo").Choices[1]);
        Assert.Equal("A negative value", choices.GetMessage("Foo").GetSignal("Foo").Choices[-5]);
    }

    [Fact]
    public void Load_Utf8File_KeepsUmlauts()
    {
        var database = DbcParser.Load(SharedDbcFiles.PathOf("opendbc/vw_mqb.dbc"));

        Assert.Contains("für", database.Messages.SelectMany(m => m.Signals).Select(s => s.Comment).First(c => c?.Contains("HCA_01 an") == true), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MultiLineComment_KeepsLineBreaks()
    {
        var database = DbcParser.Load(SharedDbcFiles.PathOf("cantools/abs.dbc"));

        var comment = database.Messages.SelectMany(m => m.Signals).Single(s => s.Name == "WheelQuality_FL").Comment;
        Assert.StartsWith("Bit matrix\nBit0 ( 1) Signal Reduced Monitored\n", comment, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ExtendedMultiplexing_AssignsMultiplexerAndRanges()
    {
        var database = DbcParser.Load(SharedDbcFiles.PathOf("cantools/multiplex_2.dbc"));

        var shared = database.GetMessage("Shared");
        Assert.Equal([new DbcValueRange(1, 1), new DbcValueRange(3, 3)], shared.GetSignal("S1").MultiplexerValues);
        Assert.Equal([new DbcValueRange(2, 5)], shared.GetSignal("S2").MultiplexerValues);
        var extended = database.GetMessage("Extended");
        Assert.True(extended.GetSignal("S1").IsMultiplexer);
        Assert.Equal("S0", extended.GetSignal("S1").Multiplexer);
        Assert.Equal("S1", extended.GetSignal("S4").Multiplexer);
    }

    [Fact]
    public void Parse_SimpleMultiplexWithoutSgMulVal_UsesTheMessageMultiplexer()
    {
        var database = DbcParser.Load(SharedDbcFiles.PathOf("cantools/multiplex.dbc"));

        var bitK = database.Messages.Single().GetSignal("BIT_K");
        Assert.Equal("Multiplexor", bitK.Multiplexer);
        Assert.Equal([new DbcValueRange(24, 24)], bitK.MultiplexerValues);
    }

    [Fact]
    public void Parse_ReferenceToUnknownMessage_RecordsWarningWithLine()
    {
        const string text = "BO_ 1 M: 8 N\n SG_ S : 0|8@1+ (1,0) [0|0] \"\" X\n\nVAL_ 80 S 0 \"zero\";\n";

        var database = DbcParser.Parse(text, "test.dbc");

        var warning = Assert.Single(database.Warnings);
        Assert.StartsWith("test.dbc(4):", warning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("BO_ 1 M: 8 N\n SG_ S : 0|8@2+ (1,0) [0|0] \"\" X\n", 2, 14, "expected byte order 0 (Motorola) or 1 (Intel), found number '2'")]
    [InlineData("VERSION \"1\"\n\nBO_ x M: 8 N\n", 3, 5, "expected a message id after BO_, found 'x'")]
    [InlineData("BO_ 1 M: 8 N\n SG_ S : 0|8@1+ (1,0 [0|0] \"\" X\n", 2, 22, "expected ')' after the offset, found '['")]
    [InlineData("BO_ 1 M: 8 N\n SG_ S : 0|65@1+ (1,0) [0|0] \"\" X\n", 2, 12, "expected a signal length from 1 to 64 bits, found number '65'")]
    [InlineData("BO_ 1 M: 99 N\n", 1, 10, "expected a message length of at most 64 bytes, found number '99'")]
    [InlineData("BU_: A\nFOO_ bar;\n", 2, 1, "expected a section keyword such as VERSION, BU_, BO_, SG_, CM_, BA_ or VAL_, found 'FOO_'")]
    [InlineData("CM_ \"never closed;\n\n", 1, 5, "expected a closing '\"' for the string that starts here, found end of file")]
    [InlineData(" SG_ S : 0|8@1+ (1,0) [0|0] \"\" X\n", 1, 2, "expected BO_ before the first SG_, found 'SG_'")]
    [InlineData("BO_ 1 M: 8 N\n SG_ S m1 : 0|8@1+ (1,0) [0|0] \"\" X\n", 2, 1, "expected a multiplexer signal (M) in message 'M' for 'S' m1, found none")]
    public void Parse_MalformedText_ThrowsWithFileLineAndExpectation(string text, int line, int column, string reason)
    {
        var error = Assert.Throws<DbcParseException>(() => DbcParser.Parse(text, "broken.dbc"));

        Assert.Equal(("broken.dbc", line, column), (error.FileName, error.Line, error.Column));
        Assert.Equal(reason, error.Reason);
        Assert.Equal($"broken.dbc({line},{column}): {reason}", error.Message);
    }
}
