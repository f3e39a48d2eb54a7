namespace Cockpit.Understanding;

/// <summary>The absolute value of a call, normalised (numerals parsed, enum words mapped to catalog values).</summary>
/// <param name="Kind">Number, level or enum.</param>
/// <param name="Number">The number for <see cref="ActionValueKind.Number"/> and <see cref="ActionValueKind.Level"/>.</param>
/// <param name="Symbol">The catalog value for <see cref="ActionValueKind.Enum"/>.</param>
/// <param name="Span">Where it was said.</param>
public sealed record ActionValue(ActionValueKind Kind, double Number, string? Symbol, TextSpan? Span)
{
    /// <summary>A number value.</summary>
    /// <param name="number">The number.</param>
    /// <param name="span">Where it was said.</param>
    public static ActionValue FromNumber(double number, TextSpan? span = null) => new(ActionValueKind.Number, number, null, span);

    /// <summary>A level value.</summary>
    /// <param name="level">The level.</param>
    /// <param name="span">Where it was said.</param>
    public static ActionValue FromLevel(double level, TextSpan? span = null) => new(ActionValueKind.Level, level, null, span);

    /// <summary>An enum value.</summary>
    /// <param name="symbol">The catalog value.</param>
    /// <param name="span">Where it was said.</param>
    public static ActionValue FromEnum(string symbol, TextSpan? span = null) => new(ActionValueKind.Enum, 0, symbol, span);

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        ActionValueKind.Enum => Symbol ?? "",
        ActionValueKind.Level => $"L{Number}",
        _ => Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
