namespace Cockpit.Can.Codec;

/// <summary>One decoded signal value.</summary>
/// <param name="Name">The signal name.</param>
/// <param name="Value">The physical value: raw × factor + offset.</param>
/// <param name="Raw">The raw integer (sign-extended for signed signals; the bit pattern for float signals).</param>
/// <param name="Choice">The value name from <c>VAL_</c> for <paramref name="Raw"/>, or <see langword="null"/>.</param>
/// <param name="Unit">The unit; empty when none.</param>
public readonly record struct DecodedSignal(string Name, double Value, long Raw, string? Choice, string Unit)
{
    /// <summary>
    /// The physical value as an exact integer, for integer signals whose factor and offset are whole numbers
    /// (<see cref="SignalCodec.ToPhysicalInteger"/>); <see langword="null"/> for float signals, fractional factors or
    /// offsets, and where whoever made this value did not fill it in. <see cref="Value"/> is the same number as a
    /// <see cref="double"/>, which is exact only up to 2^53: 2^64 − 1 from an unsigned 64-bit signal is 18446744073709551615
    /// here and 1.8446744073709552E+19 there.
    /// </summary>
    public Int128? Integer { get; init; }

    /// <inheritdoc />
    public override string ToString()
    {
        var value = Integer is { } integer ? integer.ToString(System.Globalization.CultureInfo.InvariantCulture) : Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Choice is null ? $"{Name} = {value} {Unit}".TrimEnd() : $"{Name} = {value} ('{Choice}')";
    }
}
