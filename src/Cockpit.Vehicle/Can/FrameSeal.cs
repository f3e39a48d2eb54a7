using Cockpit.Can.Codec;

namespace Cockpit.Vehicle.Can;

/// <summary>
/// The end-to-end protection of the car's frames, after AUTOSAR E2E profile 1: a 4-bit <c>Counter</c> signal and
/// a <c>Crc</c> signal holding CRC-8 SAE J1850 over the identifier (two bytes, little-endian) and the payload with
/// the Crc field zeroed. A receiver drops a frame whose checksum does not match, so a flipped bit never becomes a
/// value. Messages without these two signals (another DBC) pass unprotected.
/// </summary>
internal sealed class FrameSeal
{
    private readonly SignalCodec? _counter;
    private readonly SignalCodec? _crc;
    private readonly uint _id;

    public FrameSeal(MessageCodec message)
    {
        _id = message.Message.Id;
        _counter = message.Signals.FirstOrDefault(signal => signal.Name == "Counter");
        _crc = message.Signals.FirstOrDefault(signal => signal.Name == "Crc");
    }

    /// <summary>Writes the counter (modulo 16) and the checksum.</summary>
    public void Seal(Span<byte> data, int counter)
    {
        _counter?.WriteBits(data, (ulong)(counter & 0xF));
        if (_crc is not null)
        {
            _crc.WriteBits(data, 0);
            _crc.WriteBits(data, Checksum(data));
        }
    }

    /// <summary>Whether the checksum matches (always true for an unprotected message).</summary>
    public bool Verify(ReadOnlySpan<byte> data)
    {
        if (_crc is null)
        {
            return true;
        }

        if (data.Length < _crc.RequiredLength)
        {
            return false;
        }

        Span<byte> copy = stackalloc byte[data.Length];
        data.CopyTo(copy);
        var expected = _crc.ReadBits(copy);
        _crc.WriteBits(copy, 0);
        return Checksum(copy) == expected;
    }

    /// <summary>The counter of a frame, or -1 when the message has none.</summary>
    public int Counter(ReadOnlySpan<byte> data) => _counter is null ? -1 : (int)_counter.ReadBits(data);

    private byte Checksum(ReadOnlySpan<byte> zeroed)
    {
        Span<byte> id = [(byte)_id, (byte)(_id >> 8)];
        return Crc8.Finish(Crc8.Update(Crc8.Update(Crc8.Initial, id), zeroed));
    }
}
