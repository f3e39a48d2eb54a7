using Cockpit.Can.Dbc;

namespace Cockpit.Can.Tests.Infrastructure;

/// <summary>
/// A slow, obviously correct bit walk straight from the DBC definition, used to check the codec's precomputed
/// masks and shifts. Motorola walks the sawtooth: from the MSB down to bit 0 of a byte, then to bit 7 of the next.
/// </summary>
internal static class BitOracle
{
    public static IEnumerable<int> PositionsMsbFirst(DbcSignal signal)
    {
        if (signal.ByteOrder == DbcByteOrder.LittleEndian)
        {
            for (var i = signal.Length - 1; i >= 0; i--)
            {
                yield return signal.StartBit + i;
            }

            yield break;
        }

        var position = signal.StartBit;
        for (var i = 0; i < signal.Length; i++)
        {
            yield return position;
            position = position % 8 == 0 ? position + 15 : position - 1;
        }
    }

    public static ulong Read(DbcSignal signal, ReadOnlySpan<byte> data)
    {
        ulong value = 0;
        foreach (var position in PositionsMsbFirst(signal))
        {
            value = (value << 1) | (uint)((data[position / 8] >> (position % 8)) & 1);
        }

        return value;
    }

    public static void Write(DbcSignal signal, Span<byte> data, ulong value)
    {
        var shift = signal.Length - 1;
        foreach (var position in PositionsMsbFirst(signal))
        {
            var bit = (byte)(1 << (position % 8));
            data[position / 8] = ((value >> shift) & 1) != 0 ? (byte)(data[position / 8] | bit) : (byte)(data[position / 8] & ~bit);
            shift--;
        }
    }
}
