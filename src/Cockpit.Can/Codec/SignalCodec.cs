using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.CompilerServices;
using Cockpit.Can.Dbc;

namespace Cockpit.Can.Codec;

/// <summary>
/// Encodes and decodes one signal. Bit positions, masks and shifts are worked out once here, so that decoding
/// a signal is one 8-byte load, a shift, a mask and a multiply-add, with no allocation.
/// </summary>
public sealed class SignalCodec
{
    // Where no 8-byte window can cover the signal (payloads under 8 bytes, 9-byte Motorola/Intel spans),
    // the byte-wise path below runs instead; _fastEnd is then out of reach of any payload length.
    private const int NoFastPath = int.MaxValue;

    private readonly int _firstByte;
    private readonly int _byteCount;
    private readonly int _slowShift;
    private readonly int _fastOffset;
    private readonly int _fastEnd;
    private readonly int _fastShift;
    private readonly ulong _mask;
    private readonly int _signShift;
    private readonly bool _bigEndian;
    private readonly bool _signed;
    private readonly DbcValueType _valueType;
    private readonly double _factor;
    private readonly double _offset;
    private readonly bool _identityScale;
    private readonly double _rawMinimum;
    private readonly double _rawLimit;

    // The exact integer path (integer signals whose factor and offset are whole numbers): raw values as Int128,
    // which holds both ends of a signed and an unsigned 64-bit signal.
    private readonly bool _wholeScale;
    private readonly Int128 _wholeFactor;
    private readonly Int128 _wholeOffset;
    private readonly Int128 _rawMinimumInteger;
    private readonly Int128 _rawMaximumInteger;

    /// <summary>Prepares the codec for <paramref name="signal"/> in a payload of <paramref name="messageLength"/> bytes.</summary>
    /// <param name="signal">The signal.</param>
    /// <param name="messageLength">The message payload length in bytes.</param>
    public SignalCodec(DbcSignal signal, int messageLength)
    {
        ArgumentNullException.ThrowIfNull(signal);
        Signal = signal;
        var length = signal.Length;
        _mask = length == 64 ? ulong.MaxValue : (1UL << length) - 1;
        _signShift = 64 - length;
        _bigEndian = signal.ByteOrder == DbcByteOrder.BigEndian;
        _signed = signal.IsSigned;
        _valueType = signal.ValueType;
        _factor = signal.Factor;
        _offset = signal.Offset;
        _identityScale = _factor == 1 && _offset == 0;
        _rawMinimum = _signed ? -Math.Pow(2, length - 1) : 0;

        // Exclusive and a power of two, so exact as a double: 2^64 − 1 would round up to 2^64 and let 2^64 through.
        _rawLimit = _signed ? Math.Pow(2, length - 1) : Math.Pow(2, length);
        _rawMinimumInteger = _signed ? -(Int128.One << (length - 1)) : Int128.Zero;
        _rawMaximumInteger = (_signed ? Int128.One << (length - 1) : Int128.One << length) - 1;
        _wholeScale = _valueType == DbcValueType.Integer && IsWhole(_factor) && _factor != 0 && IsWhole(_offset);
        if (_wholeScale)
        {
            _wholeFactor = (Int128)_factor;
            _wholeOffset = (Int128)_offset;
        }

        int lastByte;
        if (_bigEndian)
        {
            // Motorola: the start bit is the MSB in sawtooth numbering. In "network order" (bit 0 = MSB of byte 0)
            // the signal is then one contiguous run from msb to lsb.
            var msb = (signal.StartBit / 8 * 8) + (7 - (signal.StartBit % 8));
            var lsb = msb + length - 1;
            _firstByte = msb / 8;
            lastByte = lsb / 8;
            _byteCount = lastByte - _firstByte + 1;
            _slowShift = (_byteCount * 8) - 1 - (lsb - (_firstByte * 8));
            RequiredLength = lastByte + 1;
            _fastOffset = FastOffset(messageLength);
            _fastShift = 63 - (lsb - (_fastOffset * 8));
        }
        else
        {
            _firstByte = signal.StartBit / 8;
            lastByte = (signal.StartBit + length - 1) / 8;
            _byteCount = lastByte - _firstByte + 1;
            _slowShift = signal.StartBit % 8;
            RequiredLength = lastByte + 1;
            _fastOffset = FastOffset(messageLength);
            _fastShift = signal.StartBit - (_fastOffset * 8);
        }

        _fastEnd = _fastOffset < 0 ? NoFastPath : _fastOffset + 8;
    }

    /// <summary>The signal this codec handles.</summary>
    public DbcSignal Signal { get; }

    /// <summary>The signal name.</summary>
    public string Name => Signal.Name;

    /// <summary>The shortest payload, in bytes, that holds the whole signal.</summary>
    public int RequiredLength { get; }

    /// <summary>Decodes the physical value (raw × factor + offset). Allocation free.</summary>
    /// <param name="data">The payload.</param>
    /// <returns>The physical value.</returns>
    /// <exception cref="CanCodecException">The payload is shorter than <see cref="RequiredLength"/>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Decode(ReadOnlySpan<byte> data) => ToPhysical(ReadBits(data));

    /// <summary>Reads the signal's raw bits, right-aligned and not sign-extended. Allocation free.</summary>
    /// <param name="data">The payload.</param>
    /// <returns>The raw bits.</returns>
    /// <exception cref="CanCodecException">The payload is shorter than <see cref="RequiredLength"/>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong ReadBits(ReadOnlySpan<byte> data)
    {
        if (data.Length >= _fastEnd)
        {
            var window = _bigEndian
                ? BinaryPrimitives.ReadUInt64BigEndian(data.Slice(_fastOffset, 8))
                : BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(_fastOffset, 8));
            return (window >> _fastShift) & _mask;
        }

        return ReadBitsSlow(data);
    }

    /// <summary>Writes raw bits into the payload, leaving all other bits as they are. Allocation free.</summary>
    /// <param name="data">The payload.</param>
    /// <param name="bits">The raw bits; bits above the signal length are ignored.</param>
    /// <exception cref="CanCodecException">The payload is shorter than <see cref="RequiredLength"/>.</exception>
    public void WriteBits(Span<byte> data, ulong bits)
    {
        bits &= _mask;
        if (data.Length >= _fastEnd)
        {
            var slice = data.Slice(_fastOffset, 8);
            var clear = ~(_mask << _fastShift);
            if (_bigEndian)
            {
                BinaryPrimitives.WriteUInt64BigEndian(slice, (BinaryPrimitives.ReadUInt64BigEndian(slice) & clear) | (bits << _fastShift));
            }
            else
            {
                BinaryPrimitives.WriteUInt64LittleEndian(slice, (BinaryPrimitives.ReadUInt64LittleEndian(slice) & clear) | (bits << _fastShift));
            }

            return;
        }

        WriteBitsSlow(data, bits);
    }

    /// <summary>Turns raw bits into the physical value.</summary>
    /// <param name="bits">The raw bits, right-aligned.</param>
    /// <returns>The physical value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double ToPhysical(ulong bits)
    {
        if (_valueType == DbcValueType.Integer)
        {
            double raw = _signed ? (long)(bits << _signShift) >> _signShift : bits;
            return (raw * _factor) + _offset;
        }

        double value = _valueType == DbcValueType.Float32
            ? BitConverter.Int32BitsToSingle(unchecked((int)bits))
            : BitConverter.Int64BitsToDouble(unchecked((long)bits));

        // Arithmetic would turn -0.0 into +0.0; without scaling the value keeps its exact bits.
        return _identityScale ? value : (value * _factor) + _offset;
    }

    /// <summary>
    /// The raw integer for <paramref name="bits"/>: sign-extended for signed signals, the bit pattern otherwise (so
    /// an unsigned 64-bit raw value from 2^63 up reads as negative; <see cref="ReadBits"/> gives it as
    /// <see cref="ulong"/>).
    /// </summary>
    /// <param name="bits">The raw bits, right-aligned.</param>
    /// <returns>The raw integer.</returns>
    public long ToRaw(ulong bits) =>
        _signed && _valueType == DbcValueType.Integer ? (long)(bits << _signShift) >> _signShift : unchecked((long)bits);

    /// <summary>
    /// The physical value as an exact integer, raw × factor + offset computed without rounding, where the signal is
    /// an integer signal whose factor and offset are whole numbers; <see cref="ToPhysical"/> gives the same value as
    /// a <see cref="double"/>, exact only up to 2^53.
    /// </summary>
    /// <param name="bits">The raw bits, right-aligned.</param>
    /// <returns>The exact physical value, or <see langword="null"/> for float signals and fractional factors or offsets.</returns>
    public Int128? ToPhysicalInteger(ulong bits)
    {
        if (!_wholeScale)
        {
            return null;
        }

        Int128 raw = _signed ? (long)(bits << _signShift) >> _signShift : bits;
        return (raw * _wholeFactor) + _wholeOffset;
    }

    /// <summary>
    /// Turns a physical value into raw bits: (value − offset) ÷ factor, rounded to the nearest integer (halves away
    /// from zero), so that decoding and encoding again gives the same bits.
    /// </summary>
    /// <param name="physical">The physical value.</param>
    /// <param name="checkRange">Whether to reject values outside the signal's <c>[min|max]</c> (when the file gives one).</param>
    /// <returns>The raw bits.</returns>
    /// <exception cref="CanCodecException">The value is not finite, outside <c>[min|max]</c>, or does not fit the signal's bits.</exception>
    public ulong ToBits(double physical, bool checkRange = true)
    {
        if (checkRange)
        {
            CheckRange(physical, exact: null);
        }

        var scaled = _identityScale ? physical : (physical - _offset) / _factor;
        switch (_valueType)
        {
            case DbcValueType.Float32:
                return (uint)BitConverter.SingleToInt32Bits((float)scaled);
            case DbcValueType.Float64:
                return unchecked((ulong)BitConverter.DoubleToInt64Bits(scaled));
        }

        var raw = Math.Round(scaled, MidpointRounding.AwayFromZero);
        if (!(raw >= _rawMinimum && raw < _rawLimit))
        {
            throw new CanCodecException(
                $"Signal '{Name}': {physical} needs raw value {raw}, which {Signal.Length} {(_signed ? "signed" : "unsigned")} bits cannot hold.");
        }

        // 2^63 and above only fit an unsigned 64-bit signal; a cast through long would overflow.
        return raw >= 9.2233720368547758E18 ? (ulong)raw : unchecked((ulong)(long)raw) & _mask;
    }

    /// <summary>
    /// Turns an integer physical value into raw bits without passing it through a <see cref="double"/>, so that all
    /// 64 bits arrive: (value − offset) ÷ factor in integer arithmetic, rounded to the nearest integer (halves away
    /// from zero). Float signals and fractional factors or offsets take the <see cref="double"/> path.
    /// </summary>
    /// <param name="physical">The physical value.</param>
    /// <param name="checkRange">Whether to reject values outside the signal's <c>[min|max]</c> (when the file gives one).</param>
    /// <returns>The raw bits.</returns>
    /// <exception cref="CanCodecException">The value is outside <c>[min|max]</c>, or does not fit the signal's bits.</exception>
    public ulong ToBits(long physical, bool checkRange = true) => ToBitsExact(physical, checkRange);

    /// <inheritdoc cref="ToBits(long, bool)" />
    public ulong ToBits(ulong physical, bool checkRange = true) => ToBitsExact(physical, checkRange);

    /// <summary>Turns a physical value into raw bits: an integer exactly (see <see cref="ToBits(long, bool)"/>), a double as <see cref="ToBits(double, bool)"/> does.</summary>
    /// <param name="physical">The physical value.</param>
    /// <param name="checkRange">Whether to reject values outside the signal's <c>[min|max]</c> (when the file gives one).</param>
    /// <returns>The raw bits.</returns>
    /// <exception cref="CanCodecException">The value is not finite, outside <c>[min|max]</c>, or does not fit the signal's bits.</exception>
    public ulong ToBits(SignalValue physical, bool checkRange = true) =>
        physical.TryGetInteger(out var integer) ? ToBitsExact(integer, checkRange) : ToBits(physical.ToDouble(), checkRange);

    /// <summary>Encodes a physical value into the payload, leaving all other bits as they are.</summary>
    /// <param name="data">The payload.</param>
    /// <param name="physical">The physical value.</param>
    /// <param name="checkRange">Whether to reject values outside the signal's <c>[min|max]</c>.</param>
    /// <exception cref="CanCodecException">The value does not fit, or the payload is too short.</exception>
    public void Encode(Span<byte> data, double physical, bool checkRange = true) => WriteBits(data, ToBits(physical, checkRange));

    /// <summary>Encodes an integer physical value exactly (see <see cref="ToBits(long, bool)"/>), leaving all other bits as they are.</summary>
    /// <param name="data">The payload.</param>
    /// <param name="physical">The physical value.</param>
    /// <param name="checkRange">Whether to reject values outside the signal's <c>[min|max]</c>.</param>
    /// <exception cref="CanCodecException">The value does not fit, or the payload is too short.</exception>
    public void Encode(Span<byte> data, long physical, bool checkRange = true) => WriteBits(data, ToBitsExact(physical, checkRange));

    /// <inheritdoc cref="Encode(Span{byte}, long, bool)" />
    public void Encode(Span<byte> data, ulong physical, bool checkRange = true) => WriteBits(data, ToBitsExact(physical, checkRange));

    /// <summary>The value name for <paramref name="bits"/>, or <see langword="null"/> when <c>VAL_</c> gives none.</summary>
    /// <param name="bits">The raw bits, right-aligned.</param>
    /// <returns>The value name, or <see langword="null"/>.</returns>
    public string? GetChoice(ulong bits) =>
        Signal.Choices.Count != 0 && Signal.Choices.TryGetValue(ToRaw(bits), out var name) ? name : null;

    /// <summary>The physical value that carries the value name <paramref name="choice"/>.</summary>
    /// <param name="choice">A value name from <c>VAL_</c>, e.g. <c>Enabled</c>.</param>
    /// <returns>The physical value.</returns>
    /// <exception cref="CanCodecException">The signal has no such value name.</exception>
    public double ChoiceToPhysical(string choice)
    {
        foreach (var (raw, name) in Signal.Choices)
        {
            if (name == choice)
            {
                return (raw * _factor) + _offset;
            }
        }

        throw new CanCodecException($"Signal '{Name}' has no value named '{choice}'.");
    }

    private string UnitSuffix => Signal.Unit.Length == 0 ? string.Empty : " " + Signal.Unit;

    // Beyond 2^53 every double is a whole number, but factors and offsets that large are not meant as integers;
    // the bound also keeps raw × factor + offset inside Int128.
    private static bool IsWhole(double value) => double.IsInteger(value) && Math.Abs(value) <= 9007199254740992.0;

    private void CheckRange(double physical, Int128? exact)
    {
        if (Signal.HasRange && Signal.Minimum <= Signal.Maximum)
        {
            // Half a step of slack: a DBC range is often the physical value of the extreme raw values, printed rounded.
            var slack = Math.Abs(_factor) / 2;
            if (!(physical >= Signal.Minimum - slack && physical <= Signal.Maximum + slack))
            {
                var shown = exact?.ToString(CultureInfo.InvariantCulture) ?? physical.ToString(CultureInfo.InvariantCulture);
                throw new CanCodecException(
                    $"Signal '{Name}': {shown}{UnitSuffix} is outside its range [{Signal.Minimum}|{Signal.Maximum}].");
            }
        }
    }

    private ulong ToBitsExact(Int128 physical, bool checkRange)
    {
        if (!_wholeScale)
        {
            return ToBits((double)physical, checkRange);
        }

        if (checkRange)
        {
            CheckRange((double)physical, physical);
        }

        // Only an Int128 far beyond any 64-bit raw value is turned away here: it keeps physical − offset from overflowing.
        var bound = Int128.One << 126;
        if (physical >= bound || physical <= -bound)
        {
            throw new CanCodecException(
                $"Signal '{Name}': {physical.ToString(CultureInfo.InvariantCulture)} is far beyond what {Signal.Length} bits can hold.");
        }

        var raw = DivideRounded(physical - _wholeOffset, _wholeFactor);
        if (raw < _rawMinimumInteger || raw > _rawMaximumInteger)
        {
            throw new CanCodecException(
                $"Signal '{Name}': {physical.ToString(CultureInfo.InvariantCulture)} needs raw value {raw.ToString(CultureInfo.InvariantCulture)}, which {Signal.Length} {(_signed ? "signed" : "unsigned")} bits cannot hold.");
        }

        return unchecked((ulong)raw) & _mask;
    }

    // Integer division rounded to the nearest integer, halves away from zero (as Math.Round in ToBits(double)).
    private static Int128 DivideRounded(Int128 numerator, Int128 divisor)
    {
        var (quotient, remainder) = Int128.DivRem(numerator, divisor);
        if (remainder != 0 && Int128.Abs(remainder) * 2 >= Int128.Abs(divisor))
        {
            quotient += (numerator < 0) == (divisor < 0) ? 1 : -1;
        }

        return quotient;
    }

    private int FastOffset(int messageLength)
    {
        var length = Math.Max(messageLength, RequiredLength);
        return length >= 8 && _byteCount <= 8 ? Math.Min(_firstByte, length - 8) : -1;
    }

    private ulong ReadBitsSlow(ReadOnlySpan<byte> data)
    {
        CheckLength(data.Length);
        UInt128 window = 0;
        for (var i = 0; i < _byteCount; i++)
        {
            window = _bigEndian
                ? (window << 8) | data[_firstByte + i]
                : window | ((UInt128)data[_firstByte + i] << (8 * i));
        }

        return (ulong)(window >> _slowShift) & _mask;
    }

    private void WriteBitsSlow(Span<byte> data, ulong bits)
    {
        CheckLength(data.Length);
        UInt128 window = 0;
        for (var i = 0; i < _byteCount; i++)
        {
            window = _bigEndian
                ? (window << 8) | data[_firstByte + i]
                : window | ((UInt128)data[_firstByte + i] << (8 * i));
        }

        window = (window & ~((UInt128)_mask << _slowShift)) | ((UInt128)bits << _slowShift);
        for (var i = 0; i < _byteCount; i++)
        {
            var shift = _bigEndian ? 8 * (_byteCount - 1 - i) : 8 * i;
            data[_firstByte + i] = (byte)(window >> shift);
        }
    }

    private void CheckLength(int length)
    {
        if (length < RequiredLength)
        {
            throw new CanCodecException(
                $"Signal '{Name}' needs a payload of at least {RequiredLength} bytes, got {length}.");
        }
    }

    /// <inheritdoc />
    public override string ToString() => Signal.ToString();
}
