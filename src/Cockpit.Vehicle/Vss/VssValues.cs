using System.Globalization;

namespace Cockpit.Vehicle.Vss;

/// <summary>
/// The canonical in-memory form of signal values, and their checks against an entry's limits.
/// </summary>
/// <remarks>
/// Canonical forms: <see cref="bool"/>, <see cref="long"/> (signed integers), <see cref="ulong"/>
/// (unsigned integers), <see cref="float"/>, <see cref="double"/>, <see cref="string"/>, and arrays of
/// those. One form per type keeps comparisons and conversions in one place.
/// </remarks>
public static class VssValues
{
    /// <summary>Whether <paramref name="value"/> has the canonical CLR form of <paramref name="type"/>.</summary>
    public static bool HasForm(VssDataType type, object value) => type switch
    {
        VssDataType.String => value is string,
        VssDataType.Boolean => value is bool,
        VssDataType.Float => value is float,
        VssDataType.Double => value is double,
        VssDataType.StringArray => value is string[],
        VssDataType.BooleanArray => value is bool[],
        VssDataType.FloatArray => value is float[],
        VssDataType.DoubleArray => value is double[],
        _ when VssDataTypes.IsArray(type) => VssDataTypes.IsSigned(VssDataTypes.ElementType(type)) ? value is long[] : value is ulong[],
        _ => VssDataTypes.IsSigned(type) ? value is long : value is ulong,
    };

    /// <summary>
    /// Checks a canonical value against the entry's type, range and allowed values.
    /// </summary>
    /// <returns>Null when valid, otherwise the reason (without the path).</returns>
    public static string? Check(VssEntry entry, object value)
    {
        if (!HasForm(entry.DataType, value))
        {
            return $"expected a value of type {VssDataTypes.Name(entry.DataType)}";
        }

        if (value is Array array)
        {
            foreach (var element in array)
            {
                if (CheckScalar(entry, VssDataTypes.ElementType(entry.DataType), element!) is { } reason)
                {
                    return reason;
                }
            }

            return null;
        }

        return CheckScalar(entry, entry.DataType, value);
    }

    private static string? CheckScalar(VssEntry entry, VssDataType type, object value)
    {
        if (VssDataTypes.IsInteger(type))
        {
            var (lowest, highest) = VssDataTypes.IntegerRange(type);
            var number = value is long signed ? signed : (decimal)(ulong)value;
            if (number < lowest || number > highest)
            {
                return $"{Format(value)} does not fit in {VssDataTypes.Name(type)}";
            }
        }

        if (value is float or double && !double.IsFinite(ToDouble(value)))
        {
            return $"{Format(value)} is not a finite number";
        }

        if (VssDataTypes.IsNumeric(type))
        {
            var number = ToDouble(value);
            if (entry.Min is { } min && number < min || entry.Max is { } max && number > max)
            {
                return $"{Format(value)} is out of range [{FormatLimit(entry.Min)}, {FormatLimit(entry.Max)}]";
            }
        }

        if (entry.Allowed is { Count: > 0 } allowed && !allowed.Any(candidate => AreEqual(candidate, value)))
        {
            return $"{Format(value)} is not one of the allowed values ({string.Join(", ", allowed.Select(Format))})";
        }

        return null;
    }

    /// <summary>Compares two canonical values (numbers by value across forms, arrays element-wise).</summary>
    public static bool AreEqual(object? left, object? right)
    {
        if (left is null || right is null)
        {
            return left is null && right is null;
        }

        if (left is Array leftArray && right is Array rightArray)
        {
            return leftArray.Length == rightArray.Length
                && leftArray.Cast<object>().Zip(rightArray.Cast<object>()).All(pair => AreEqual(pair.First, pair.Second));
        }

        if (IsNumber(left) && IsNumber(right))
        {
            return ToDouble(left) == ToDouble(right);
        }

        return left.Equals(right);
    }

    /// <summary>Whether the value is a canonical number.</summary>
    public static bool IsNumber(object value) => value is long or ulong or float or double;

    /// <summary>A canonical number as a double.</summary>
    public static double ToDouble(object value) => value switch
    {
        long signed => signed,
        ulong unsigned => unsigned,
        float single => single,
        double wide => wide,
        _ => throw new ArgumentException($"{value} is not a number", nameof(value)),
    };

    /// <summary>Converts a plain number to the canonical form of a numeric type, or null if it cannot be represented.</summary>
    public static object? FromNumber(VssDataType type, double number) => type switch
    {
        VssDataType.Float => (float)number,
        VssDataType.Double => number,
        _ when VssDataTypes.IsSigned(type) && number == Math.Floor(number) && number >= long.MinValue && number <= long.MaxValue => (long)number,
        _ when VssDataTypes.IsInteger(type) && number == Math.Floor(number) && number >= 0 && number <= ulong.MaxValue => (ulong)number,
        _ => null,
    };

    /// <summary>Formats a canonical value for messages and logs.</summary>
    public static string Format(object? value) => value switch
    {
        null => "(none)",
        string text => $"\"{text}\"",
        bool flag => flag ? "true" : "false",
        float single => single.ToString("R", CultureInfo.InvariantCulture),
        double wide => wide.ToString("R", CultureInfo.InvariantCulture),
        Array array => "[" + string.Join(", ", array.Cast<object>().Select(Format)) + "]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static string FormatLimit(double? limit) =>
        limit is { } value ? value.ToString("R", CultureInfo.InvariantCulture) : "";
}
