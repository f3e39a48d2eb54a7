namespace Cockpit.Can.Codec;

/// <summary>One decoded signal value.</summary>
/// <param name="Name">The signal name.</param>
/// <param name="Value">The physical value: raw × factor + offset.</param>
/// <param name="Raw">The raw integer (sign-extended for signed signals; the bit pattern for float signals).</param>
/// <param name="Choice">The value name from <c>VAL_</c> for <paramref name="Raw"/>, or <see langword="null"/>.</param>
/// <param name="Unit">The unit; empty when none.</param>
public readonly record struct DecodedSignal(string Name, double Value, long Raw, string? Choice, string Unit)
{
    /// <inheritdoc />
    public override string ToString() => Choice is null ? $"{Name} = {Value} {Unit}".TrimEnd() : $"{Name} = {Value} ('{Choice}')";
}
