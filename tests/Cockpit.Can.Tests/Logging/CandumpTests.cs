using Cockpit.Can.Frames;
using Cockpit.Can.Logging;
using Cockpit.Can.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Cockpit.Can.Tests.Logging;

public sealed class CandumpTests
{
    private static readonly DateTimeOffset Time = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000).AddTicks(1_234_560);

    [Theory]
    [InlineData(0x123u, false, false, false, "DEADBEEF", "(1700000000.123456) vcan0 123#DEADBEEF")]
    [InlineData(0x1F334455u, true, false, false, "", "(1700000000.123456) vcan0 1F334455#")]
    [InlineData(0x123u, false, true, true, "AABB", "(1700000000.123456) vcan0 123##1AABB")]
    [InlineData(0x12345u, true, true, false, "001122334455667788990011", "(1700000000.123456) vcan0 00012345##0001122334455667788990011")]
    public void Format_Frame_WritesCanUtilsLine(uint id, bool extended, bool fd, bool brs, string hex, string expected)
    {
        var frame = new CanFrame(id, Convert.FromHexString(hex), extended, fd, brs);

        var line = CandumpWriter.Format(new CandumpRecord(Time, "vcan0", frame));

        Assert.Equal(expected, line);
    }

    [Fact]
    public void WriteRead_SeveralRecords_RoundTrip()
    {
        CandumpRecord[] records =
        [
            new(Time, "vcan0", new CanFrame(0x1F0, new byte[] { 0x80, 0x4A, 0x0F, 0, 0, 0, 0, 0 })),
            new(Time.AddMilliseconds(10), "can1", new CanFrame(0x18FEF100, new byte[] { 1, 2, 3 }, isExtended: true)),
            new(Time.AddSeconds(1), "vcan0", new CanFrame(0x245, new byte[64], isFd: true, bitRateSwitch: true, errorStateIndicator: true)),
        ];
        using var text = new StringWriter();
        var writer = new CandumpWriter(text);

        foreach (var record in records)
        {
            writer.Write(record);
        }

        var read = new CandumpReader(new StringReader(text.ToString())).ReadAll().ToArray();
        Assert.Equal(records, read);
    }

    [Property(MaxTest = 200)]
    public Property WriteRead_AnyFrame_RoundTrips()
    {
        var lengths = Gen.Elements(0, 1, 5, 8, 12, 16, 20, 24, 32, 48, 64);
        var frames =
            from extended in Gen.Elements(false, true)
            from id in Gen.Choose(0, extended ? (int)CanFrame.MaxExtendedId : (int)CanFrame.MaxStandardId)
            from fd in Gen.Elements(false, true)
            from length in lengths.Where(l => fd || l <= 8)
            from data in Gen.ArrayOf(Generators.Byte, length)
            from micros in Gen.Choose(0, 999_999)
            select new CandumpRecord(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000).AddTicks(micros * 10L), "vcan0",
                new CanFrame((uint)id, data, extended, fd, bitRateSwitch: fd && length % 2 == 0));

        return Prop.ForAll(frames.ToArbitrary(), record =>
            CandumpReader.ParseLine(CandumpWriter.Format(record)) == record);
    }

    [Theory]
    [InlineData("vcan0 123#00", "expected '(seconds.micros) interface frame', found 'vcan0 123#00'")]
    [InlineData("(17000.x) vcan0 123#00", "expected a timestamp such as (1700000000.123456), found '(17000.x)'")]
    // Found by fuzzing (fuzz/corpus/candump/crash-timestamp-overflow.log): seconds past year 9999 threw ArgumentOutOfRangeException.
    [InlineData("(170001700000002.000000) vcan0 123#00", "expected a timestamp such as (1700000000.123456), found '(170001700000002.000000)'")]
    [InlineData("(253402300800.000000) vcan0 123#00", "expected a timestamp such as (1700000000.123456), found '(253402300800.000000)'")]
    [InlineData("(1.5) vcan0 12#00", "expected a 3-digit (standard) or 8-digit (extended) hex id before '#', found '12#00'")]
    [InlineData("(1.5) vcan0 123#0", "expected pairs of hex digits after '#', found '123#0'")]
    [InlineData("(1.5) vcan0 123#001122334455667788", "expected a valid frame (A classic CAN payload has at most 8 bytes.), found '123#001122334455667788'")]
    [InlineData("(1.5) vcan0 123#R", "expected a data frame; remote frames (R) are not supported, found '123#R'")]
    public void Read_MalformedLine_ThrowsWithSourceAndLine(string line, string reason)
    {
        var reader = new CandumpReader(new StringReader("(1.000000) vcan0 123#00\n\n" + line + "\n"), "trace.log");

        reader.TryRead(out _);
        var error = Assert.Throws<CandumpFormatException>(() => reader.TryRead(out _));

        Assert.Equal(("trace.log", 3, reason), (error.Source, error.Line, error.Reason));
        Assert.StartsWith("trace.log(3): ", error.Message, StringComparison.Ordinal);
    }
}
