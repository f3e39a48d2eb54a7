namespace Cockpit.Vehicle.Vss;

/// <summary>Names and properties of <see cref="VssDataType"/> values.</summary>
public static class VssDataTypes
{
    private static readonly Dictionary<string, VssDataType> s_byName = new(StringComparer.Ordinal)
    {
        ["string"] = VssDataType.String,
        ["boolean"] = VssDataType.Boolean,
        ["int8"] = VssDataType.Int8,
        ["int16"] = VssDataType.Int16,
        ["int32"] = VssDataType.Int32,
        ["int64"] = VssDataType.Int64,
        ["uint8"] = VssDataType.UInt8,
        ["uint16"] = VssDataType.UInt16,
        ["uint32"] = VssDataType.UInt32,
        ["uint64"] = VssDataType.UInt64,
        ["float"] = VssDataType.Float,
        ["double"] = VssDataType.Double,
        ["string[]"] = VssDataType.StringArray,
        ["boolean[]"] = VssDataType.BooleanArray,
        ["int8[]"] = VssDataType.Int8Array,
        ["int16[]"] = VssDataType.Int16Array,
        ["int32[]"] = VssDataType.Int32Array,
        ["int64[]"] = VssDataType.Int64Array,
        ["uint8[]"] = VssDataType.UInt8Array,
        ["uint16[]"] = VssDataType.UInt16Array,
        ["uint32[]"] = VssDataType.UInt32Array,
        ["uint64[]"] = VssDataType.UInt64Array,
        ["float[]"] = VssDataType.FloatArray,
        ["double[]"] = VssDataType.DoubleArray,
    };

    /// <summary>Parses a vss-tools data type name such as <c>uint8</c> or <c>string[]</c>.</summary>
    public static bool TryParse(string name, out VssDataType type) => s_byName.TryGetValue(name, out type);

    /// <summary>The vss-tools name of a data type.</summary>
    public static string Name(VssDataType type) => s_byName.First(pair => pair.Value == type).Key;

    /// <summary>Whether values of this type are arrays.</summary>
    public static bool IsArray(VssDataType type) => type >= VssDataType.StringArray;

    /// <summary>The element type of an array type, or the type itself.</summary>
    public static VssDataType ElementType(VssDataType type) =>
        IsArray(type) ? (VssDataType)(type - VssDataType.StringArray) : type;

    /// <summary>Whether the type is an integer type.</summary>
    public static bool IsInteger(VssDataType type) => type is >= VssDataType.Int8 and <= VssDataType.UInt64;

    /// <summary>Whether the type is a signed integer type.</summary>
    public static bool IsSigned(VssDataType type) => type is >= VssDataType.Int8 and <= VssDataType.Int64;

    /// <summary>Whether the type is numeric (integer or floating point).</summary>
    public static bool IsNumeric(VssDataType type) => type is >= VssDataType.Int8 and <= VssDataType.Double;

    /// <summary>The inclusive range an integer type can hold.</summary>
    public static (decimal Min, decimal Max) IntegerRange(VssDataType type) => type switch
    {
        VssDataType.Int8 => (sbyte.MinValue, sbyte.MaxValue),
        VssDataType.Int16 => (short.MinValue, short.MaxValue),
        VssDataType.Int32 => (int.MinValue, int.MaxValue),
        VssDataType.Int64 => (long.MinValue, long.MaxValue),
        VssDataType.UInt8 => (byte.MinValue, byte.MaxValue),
        VssDataType.UInt16 => (ushort.MinValue, ushort.MaxValue),
        VssDataType.UInt32 => (uint.MinValue, uint.MaxValue),
        VssDataType.UInt64 => (ulong.MinValue, ulong.MaxValue),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not an integer type"),
    };
}
