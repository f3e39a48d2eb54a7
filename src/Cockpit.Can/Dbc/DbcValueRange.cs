namespace Cockpit.Can.Dbc;

/// <summary>An inclusive range of multiplexer raw values, as in <c>SG_MUL_VAL_ … 2-5</c>.</summary>
/// <param name="Minimum">The smallest value in the range.</param>
/// <param name="Maximum">The largest value in the range.</param>
public readonly record struct DbcValueRange(ulong Minimum, ulong Maximum)
{
    /// <summary>Whether <paramref name="value"/> lies in the range.</summary>
    /// <param name="value">A raw multiplexer value.</param>
    /// <returns><see langword="true"/> when it lies in the range.</returns>
    public bool Contains(ulong value) => value >= Minimum && value <= Maximum;
}
