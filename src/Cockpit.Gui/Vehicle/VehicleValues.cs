using Kuksa.Val.V2;

namespace Cockpit.Gui.Vehicle;

/// <summary>Converts between kuksa.val.v2 values and the plain values the HMI keeps (bool, double, string).</summary>
internal static class VehicleValues
{
    public static object? FromValue(Value? value) => value?.TypedValueCase switch
    {
        Value.TypedValueOneofCase.Bool => value.Bool,
        Value.TypedValueOneofCase.String => value.String,
        Value.TypedValueOneofCase.Float => (double)value.Float,
        Value.TypedValueOneofCase.Double => value.Double,
        Value.TypedValueOneofCase.Int32 => (double)value.Int32,
        Value.TypedValueOneofCase.Int64 => (double)value.Int64,
        Value.TypedValueOneofCase.Uint32 => (double)value.Uint32,
        Value.TypedValueOneofCase.Uint64 => (double)value.Uint64,
        _ => null,
    };

    /// <summary>Builds the typed value VSS expects for the data type the screen file names.</summary>
    public static Value ToValue(object value, string type) => type switch
    {
        "bool" => new Value { Bool = (bool)value },
        "string" => new Value { String = (string)value },
        "float" => new Value { Float = (float)Convert.ToDouble(value) },
        "double" => new Value { Double = Convert.ToDouble(value) },
        "uint8" or "uint16" or "uint32" => new Value { Uint32 = (uint)Math.Round(Convert.ToDouble(value)) },
        "int8" or "int16" or "int32" => new Value { Int32 = (int)Math.Round(Convert.ToDouble(value)) },
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown VSS data type"),
    };
}
