using System.Globalization;
using Kuksa.Val.V2;

namespace Cockpit.Vehicle.Client;

/// <summary>
/// The rules between kuksa.val.v2 wire values and plain CLR values (bool, int, long, uint, ulong, float, double, string
/// and their arrays). KUKSA sends int8 and int16 as int32, and uint8 and uint16 as uint32; a value is written in the wire
/// type of its signal's data type, converted only when that loses nothing.
/// </summary>
public static class KuksaValues
{
    /// <summary>The wire field that carries values of <paramref name="type"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A data type kuksa.val.v2 does not define.</exception>
    public static Value.TypedValueOneofCase WireCase(DataType type) => type switch
    {
        DataType.String => Value.TypedValueOneofCase.String,
        DataType.Boolean => Value.TypedValueOneofCase.Bool,
        DataType.Int8 or DataType.Int16 or DataType.Int32 => Value.TypedValueOneofCase.Int32,
        DataType.Int64 => Value.TypedValueOneofCase.Int64,
        DataType.Uint8 or DataType.Uint16 or DataType.Uint32 => Value.TypedValueOneofCase.Uint32,
        DataType.Uint64 => Value.TypedValueOneofCase.Uint64,
        DataType.Float => Value.TypedValueOneofCase.Float,
        DataType.Double => Value.TypedValueOneofCase.Double,
        DataType.StringArray => Value.TypedValueOneofCase.StringArray,
        DataType.BooleanArray => Value.TypedValueOneofCase.BoolArray,
        DataType.Int8Array or DataType.Int16Array or DataType.Int32Array => Value.TypedValueOneofCase.Int32Array,
        DataType.Int64Array => Value.TypedValueOneofCase.Int64Array,
        DataType.Uint8Array or DataType.Uint16Array or DataType.Uint32Array => Value.TypedValueOneofCase.Uint32Array,
        DataType.Uint64Array => Value.TypedValueOneofCase.Uint64Array,
        DataType.FloatArray => Value.TypedValueOneofCase.FloatArray,
        DataType.DoubleArray => Value.TypedValueOneofCase.DoubleArray,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not a kuksa.val.v2 data type"),
    };

    /// <summary>
    /// The wire value of a value for a signal of <paramref name="type"/>: a number becomes the signal's number type when it
    /// fits exactly (21.0 → int32 21; 21.5 → int32 is refused), text becomes a number only when it reads as one, and an
    /// array type takes any sequence whose items fit.
    /// </summary>
    /// <exception cref="FormatException">The value does not fit the type; the message says why.</exception>
    public static Value ToWire(DataType type, object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        try
        {
            return WireCase(type) switch
            {
                Value.TypedValueOneofCase.String => new Value { String = Text(value) },
                Value.TypedValueOneofCase.Bool => new Value { Bool = Bool(value) },
                Value.TypedValueOneofCase.Int32 => new Value { Int32 = Int32(value) },
                Value.TypedValueOneofCase.Int64 => new Value { Int64 = Int64(value) },
                Value.TypedValueOneofCase.Uint32 => new Value { Uint32 = UInt32(value) },
                Value.TypedValueOneofCase.Uint64 => new Value { Uint64 = UInt64(value) },
                Value.TypedValueOneofCase.Float => new Value { Float = (float)Number(value) },
                Value.TypedValueOneofCase.Double => new Value { Double = Number(value) },
                Value.TypedValueOneofCase.StringArray => new Value { StringArray = new StringArray { Values = { Items(value).Select(Text) } } },
                Value.TypedValueOneofCase.BoolArray => new Value { BoolArray = new BoolArray { Values = { Items(value).Select(Bool) } } },
                Value.TypedValueOneofCase.Int32Array => new Value { Int32Array = new Int32Array { Values = { Items(value).Select(Int32) } } },
                Value.TypedValueOneofCase.Int64Array => new Value { Int64Array = new Int64Array { Values = { Items(value).Select(Int64) } } },
                Value.TypedValueOneofCase.Uint32Array => new Value { Uint32Array = new Uint32Array { Values = { Items(value).Select(UInt32) } } },
                Value.TypedValueOneofCase.Uint64Array => new Value { Uint64Array = new Uint64Array { Values = { Items(value).Select(UInt64) } } },
                Value.TypedValueOneofCase.FloatArray => new Value { FloatArray = new FloatArray { Values = { Items(value).Select(item => (float)Number(item)) } } },
                _ => new Value { DoubleArray = new DoubleArray { Values = { Items(value).Select(Number) } } },
            };
        }
        catch (OverflowException)
        {
            throw new FormatException($"{Format(value)} is outside the range of {type}");
        }
        catch (InvalidCastException)
        {
            throw new FormatException($"{Format(value)} is not a {type}");
        }
    }

    /// <summary>The plain value of a wire value, in the wire field's own CLR type; null when the data point has none.</summary>
    public static object? ToClr(Value? value) => value?.TypedValueCase switch
    {
        null or Value.TypedValueOneofCase.None => null,
        Value.TypedValueOneofCase.String => value.String,
        Value.TypedValueOneofCase.Bool => value.Bool,
        Value.TypedValueOneofCase.Int32 => value.Int32,
        Value.TypedValueOneofCase.Int64 => value.Int64,
        Value.TypedValueOneofCase.Uint32 => value.Uint32,
        Value.TypedValueOneofCase.Uint64 => value.Uint64,
        Value.TypedValueOneofCase.Float => value.Float,
        Value.TypedValueOneofCase.Double => value.Double,
        Value.TypedValueOneofCase.StringArray => value.StringArray.Values.ToArray(),
        Value.TypedValueOneofCase.BoolArray => value.BoolArray.Values.ToArray(),
        Value.TypedValueOneofCase.Int32Array => value.Int32Array.Values.ToArray(),
        Value.TypedValueOneofCase.Int64Array => value.Int64Array.Values.ToArray(),
        Value.TypedValueOneofCase.Uint32Array => value.Uint32Array.Values.ToArray(),
        Value.TypedValueOneofCase.Uint64Array => value.Uint64Array.Values.ToArray(),
        Value.TypedValueOneofCase.FloatArray => value.FloatArray.Values.ToArray(),
        Value.TypedValueOneofCase.DoubleArray => value.DoubleArray.Values.ToArray(),
        var other => throw new ArgumentOutOfRangeException(nameof(value), other, "not a kuksa.val.v2 value"),
    };

    /// <summary>The name kuksa.val.v2 gives a wire field (<c>uint32</c>, <c>string_array</c>), for messages.</summary>
    public static string WireName(Value.TypedValueOneofCase wire) => wire switch
    {
        Value.TypedValueOneofCase.None => "no value",
        Value.TypedValueOneofCase.StringArray => "string_array",
        Value.TypedValueOneofCase.BoolArray => "bool_array",
        Value.TypedValueOneofCase.Int32Array => "int32_array",
        Value.TypedValueOneofCase.Int64Array => "int64_array",
        Value.TypedValueOneofCase.Uint32Array => "uint32_array",
        Value.TypedValueOneofCase.Uint64Array => "uint64_array",
        Value.TypedValueOneofCase.FloatArray => "float_array",
        Value.TypedValueOneofCase.DoubleArray => "double_array",
        _ => wire.ToString().ToLowerInvariant(),
    };

    /// <summary>A value as text for replies, logs and reports: invariant numbers, at most three decimals, VSS enums as they are.</summary>
    public static string Format(object? value) => value switch
    {
        null => "",
        bool flag => flag ? "true" : "false",
        float single => single.ToString("0.###", CultureInfo.InvariantCulture),
        double wide => wide.ToString("0.###", CultureInfo.InvariantCulture),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>A number as a double (text that reads as an invariant number included); a boolean is not a number.</summary>
    /// <exception cref="FormatException">The value is no number.</exception>
    public static double Number(object value) => value switch
    {
        bool => throw new FormatException("a boolean is not a number"),
        string text => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : throw new FormatException($"'{text}' is not a number"),
        IConvertible convertible => convertible.ToDouble(CultureInfo.InvariantCulture),
        _ => throw new FormatException($"{Format(value)} is not a number"),
    };

    private static string Text(object value) => value as string ?? Format(value);

    private static bool Bool(object value) => value is bool flag ? flag : throw new FormatException($"{Format(value)} is not true or false");

    private static int Int32(object value) => value switch
    {
        int exact => exact,
        long wide => checked((int)wide),
        _ => checked((int)Whole(value)),
    };

    private static long Int64(object value) => value switch
    {
        long exact => exact,
        int narrow => narrow,
        _ => checked((long)Whole(value)),
    };

    private static uint UInt32(object value) => value switch
    {
        uint exact => exact,
        ulong wide => checked((uint)wide),
        _ => checked((uint)Whole(value)),
    };

    private static ulong UInt64(object value) => value switch
    {
        ulong exact => exact,
        uint narrow => narrow,
        _ => checked((ulong)Whole(value)),
    };

    private static IEnumerable<object> Items(object value) =>
        value is System.Collections.IEnumerable items and not string ? items.Cast<object>() : throw new FormatException($"{Format(value)} is not a list");

    private static decimal Whole(object value)
    {
        var number = value switch
        {
            int or long or uint or ulong or short or ushort or byte or sbyte => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
            _ => Number(value) is var real && double.IsFinite(real) && Math.Abs(real) < 1e28 ? (decimal)real : throw new OverflowException(),
        };
        return number == decimal.Truncate(number) ? number : throw new FormatException($"{Format(value)} is not a whole number");
    }
}
