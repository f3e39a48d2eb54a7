using System.Text;
using Cockpit.Can.Codec;

namespace Cockpit.Can.Tests.Codec;

public sealed class Crc8Tests
{
    [Theory]
    [InlineData("123456789", 0x4B)] // the SAE J1850 check value
    [InlineData("", 0x00)]
    public void Compute_KnownInput_GivesCheckValue(string text, int expected)
    {
        Assert.Equal((byte)expected, Crc8.Compute(Encoding.ASCII.GetBytes(text)));
    }

    [Fact]
    public void Update_InPieces_EqualsComputeAtOnce()
    {
        var data = Encoding.ASCII.GetBytes("123456789");

        var pieces = Crc8.Finish(Crc8.Update(Crc8.Update(Crc8.Initial, data.AsSpan(0, 4)), data.AsSpan(4)));

        Assert.Equal(Crc8.Compute(data), pieces);
    }

    [Fact]
    public void Compute_AnySingleBitFlipped_ChecksumChanges()
    {
        var data = new byte[] { 0x12, 0x34, 0x56, 0x78, 0x9A, 0xBC, 0xDE };
        var original = Crc8.Compute(data);

        for (var bit = 0; bit < data.Length * 8; bit++)
        {
            var flipped = data.ToArray();
            flipped[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.NotEqual(original, Crc8.Compute(flipped));
        }
    }
}
