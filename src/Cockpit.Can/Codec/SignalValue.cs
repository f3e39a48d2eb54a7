using System.Globalization;

namespace Cockpit.Can.Codec;

/// <summary>
/// A physical value to encode: a <see cref="double"/>, or an integer kept exact. A <see cref="double"/> holds every
/// integer only up to 2^53, so 64-bit counters, identifiers and bit sets lose their low bits on the way through
/// one; an integer <see cref="SignalValue"/> reaches the payload bit for bit (see
/// <see cref="SignalCodec.ToBits(SignalValue, bool)"/>). Integers, doubles and <see cref="Int128"/> convert implicitly.
/// </summary>
public readonly struct SignalValue : IEquatable<SignalValue>
{
    private readonly double _number;
    private readonly Int128 _integer;

    private SignalValue(double number) => _number = number;

    private SignalValue(Int128 integer)
    {
        _integer = integer;
        _number = (double)integer;
        IsInteger = true;
    }

    /// <summary>Whether the value is an exact integer rather than a <see cref="double"/>.</summary>
    public bool IsInteger { get; }

    /// <summary>A value from a <see cref="double"/>.</summary>
    /// <param name="value">The physical value.</param>
    /// <returns>The value.</returns>
    public static SignalValue FromDouble(double value) => new(value);

    /// <summary>A value from an integer, kept exact.</summary>
    /// <param name="value">The physical value, e.g. <see cref="long.MinValue"/> or <see cref="ulong.MaxValue"/>.</param>
    /// <returns>The value.</returns>
    public static SignalValue FromInteger(Int128 value) => new(value);

    /// <summary>The value as a <see cref="double"/>: the nearest one for an integer beyond 2^53.</summary>
    /// <returns>The value.</returns>
    public double ToDouble() => _number;

    /// <summary>Gets the exact integer.</summary>
    /// <param name="value">The integer, when <see cref="IsInteger"/>.</param>
    /// <returns><see cref="IsInteger"/>.</returns>
    public bool TryGetInteger(out Int128 value)
    {
        value = _integer;
        return IsInteger;
    }

    /// <summary>A value from a <see cref="double"/>.</summary>
    /// <param name="value">The physical value.</param>
    public static implicit operator SignalValue(double value) => new(value);

    /// <summary>An exact integer value.</summary>
    /// <param name="value">The physical value.</param>
    public static implicit operator SignalValue(int value) => new((Int128)value);

    /// <summary>An exact integer value.</summary>
    /// <param name="value">The physical value.</param>
    public static implicit operator SignalValue(uint value) => new((Int128)value);

    /// <summary>An exact integer value.</summary>
    /// <param name="value">The physical value.</param>
    public static implicit operator SignalValue(long value) => new((Int128)value);

    /// <summary>An exact integer value.</summary>
    /// <param name="value">The physical value.</param>
    public static implicit operator SignalValue(ulong value) => new((Int128)value);

    /// <summary>An exact integer value.</summary>
    /// <param name="value">The physical value.</param>
    public static implicit operator SignalValue(Int128 value) => new(value);

    /// <summary>Whether two values are equal: both integers and the same integer, or both doubles with the same bits.</summary>
    public static bool operator ==(SignalValue left, SignalValue right) => left.Equals(right);

    /// <summary>Whether two values differ.</summary>
    public static bool operator !=(SignalValue left, SignalValue right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(SignalValue other) =>
        IsInteger == other.IsInteger && (IsInteger ? _integer == other._integer : _number.Equals(other._number));

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SignalValue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => IsInteger ? _integer.GetHashCode() : _number.GetHashCode();

    /// <inheritdoc />
    public override string ToString() =>
        IsInteger ? _integer.ToString(CultureInfo.InvariantCulture) : _number.ToString(CultureInfo.InvariantCulture);
}
