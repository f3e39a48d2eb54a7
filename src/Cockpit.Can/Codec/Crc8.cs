namespace Cockpit.Can.Codec;

/// <summary>
/// CRC-8 SAE J1850 (polynomial 0x1D, initial value 0xFF, final XOR 0xFF), the checksum AUTOSAR E2E profile 1 uses
/// to protect CAN payloads. Check value: <c>"123456789"</c> → 0x4B.
/// </summary>
public static class Crc8
{
    private static readonly byte[] Table = BuildTable();

    /// <summary>Starts a checksum.</summary>
    public const byte Initial = 0xFF;

    /// <summary>Continues a checksum over <paramref name="data"/>.</summary>
    /// <param name="crc">The running value: <see cref="Initial"/>, or the result of an earlier <see cref="Update"/>.</param>
    /// <param name="data">The bytes.</param>
    /// <returns>The running value.</returns>
    public static byte Update(byte crc, ReadOnlySpan<byte> data)
    {
        foreach (var b in data)
        {
            crc = Table[crc ^ b];
        }

        return crc;
    }

    /// <summary>Ends a checksum.</summary>
    /// <param name="crc">The running value.</param>
    /// <returns>The checksum.</returns>
    public static byte Finish(byte crc) => (byte)(crc ^ 0xFF);

    /// <summary>The checksum of <paramref name="data"/>.</summary>
    /// <param name="data">The bytes.</param>
    /// <returns>The checksum.</returns>
    public static byte Compute(ReadOnlySpan<byte> data) => Finish(Update(Initial, data));

    private static byte[] BuildTable()
    {
        var table = new byte[256];
        for (var i = 0; i < 256; i++)
        {
            var crc = (byte)i;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x80) != 0 ? (byte)((crc << 1) ^ 0x1D) : (byte)(crc << 1);
            }

            table[i] = crc;
        }

        return table;
    }
}
