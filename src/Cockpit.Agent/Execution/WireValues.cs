using System.Globalization;
using Kuksa.Val.V2;

namespace Cockpit.Agent.Execution;

/// <summary>
/// Plain CLR values (bool, int, long, float, double, string, …) to and from kuksa.val.v2 wire values,
/// following a signal's metadata: KUKSA wants int8/int16 as int32 and uint8/uint16 as uint32.
/// </summary>
internal static class WireValues
{
    /// <summary>The wire form of a value for a signal; throws <see cref="ArgumentException"/> when it cannot fit.</summary>
    public static Value ToWire(Metadata signal, object value)
    {
        try
        {
            return signal.DataType switch
            {
                DataType.String => new Value { String = value as string ?? Convert.ToString(value, CultureInfo.InvariantCulture) },
                DataType.Boolean => new Value { Bool = value is bool flag ? flag : throw new FormatException($"{Format(value)} is not true or false") },
                DataType.Int8 or DataType.Int16 or DataType.Int32 => new Value { Int32 = checked((int)Whole(value)) },
                DataType.Int64 => new Value { Int64 = checked((long)Whole(value)) },
                DataType.Uint8 or DataType.Uint16 or DataType.Uint32 => new Value { Uint32 = checked((uint)Whole(value)) },
                DataType.Uint64 => new Value { Uint64 = checked((ulong)Whole(value)) },
                DataType.Float => new Value { Float = (float)Number(value) },
                DataType.Double => new Value { Double = Number(value) },
                _ => throw new FormatException($"data type {signal.DataType} is not supported"),
            };
        }
        catch (Exception error) when (error is FormatException or InvalidCastException or OverflowException)
        {
            throw new ArgumentException($"{signal.Path}: {Format(value)} does not fit {signal.DataType}: {error.Message}", nameof(value), error);
        }
    }

    /// <summary>The plain value of a wire value; null when the data point has none.</summary>
    public static object? ToClr(Value? value) => value?.TypedValueCase switch
    {
        null or Value.TypedValueOneofCase.None => null,
        Value.TypedValueOneofCase.String => value.String,
        Value.TypedValueOneofCase.Bool => value.Bool,
        Value.TypedValueOneofCase.Int32 => value.Int32,
        Value.TypedValueOneofCase.Int64 => value.Int64,
        Value.TypedValueOneofCase.Uint32 => value.Uint32 <= int.MaxValue ? (int)value.Uint32 : (long)value.Uint32,
        Value.TypedValueOneofCase.Uint64 => value.Uint64,
        Value.TypedValueOneofCase.Float => value.Float,
        Value.TypedValueOneofCase.Double => value.Double,
        Value.TypedValueOneofCase.StringArray => value.StringArray.Values.ToArray(),
        Value.TypedValueOneofCase.BoolArray => value.BoolArray.Values.ToArray(),
        Value.TypedValueOneofCase.FloatArray => value.FloatArray.Values.ToArray(),
        Value.TypedValueOneofCase.DoubleArray => value.DoubleArray.Values.ToArray(),
        Value.TypedValueOneofCase.Int32Array => value.Int32Array.Values.ToArray(),
        Value.TypedValueOneofCase.Uint32Array => value.Uint32Array.Values.ToArray(),
        Value.TypedValueOneofCase.Int64Array => value.Int64Array.Values.ToArray(),
        _ => value.Uint64Array.Values.ToArray(),
    };

    /// <summary>A value as text for replies, logs and reports (invariant numbers, VSS enums as they are).</summary>
    public static string Format(object? value) => value switch
    {
        null => "",
        bool flag => flag ? "true" : "false",
        float single => single.ToString("0.###", CultureInfo.InvariantCulture),
        double wide => wide.ToString("0.###", CultureInfo.InvariantCulture),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static double Number(object value) => value switch
    {
        bool => throw new FormatException("a boolean is not a number"),
        string text => double.Parse(text, CultureInfo.InvariantCulture),
        _ => Convert.ToDouble(value, CultureInfo.InvariantCulture),
    };

    private static decimal Whole(object value)
    {
        var number = (decimal)Number(value);
        return number == decimal.Truncate(number) ? number : throw new FormatException($"{Format(value)} is not a whole number");
    }
}
