using Cockpit.Vehicle.Signals;
using Cockpit.Vehicle.Vss;
using Google.Protobuf.WellKnownTypes;
using Kuksa.Val.V2;
using ProtoValue = Kuksa.Val.V2.Value;

namespace Cockpit.Vehicle.Grpc;

/// <summary>
/// Conversions between kuksa.val.v2 messages and the service's canonical values. The wire type must be
/// the one KUKSA uses for the signal's data type (int8/int16 as int32, uint8/uint16 as uint32).
/// </summary>
internal static class ValueConverter
{
    /// <summary>The canonical value of a wire value; throws <see cref="SignalValueException"/> on a type mismatch.</summary>
    public static object FromProto(VssEntry entry, ProtoValue? value)
    {
        if (value is null || value.TypedValueCase == ProtoValue.TypedValueOneofCase.None)
        {
            throw new SignalValueException(entry.Path, "no value given");
        }

        var expected = WireCase(entry.DataType);
        if (value.TypedValueCase != expected)
        {
            throw new SignalValueException(entry.Path,
                $"expected {VssDataTypes.Name(entry.DataType)} (sent as {WireName(expected)}), got {WireName(value.TypedValueCase)}");
        }

        return value.TypedValueCase switch
        {
            ProtoValue.TypedValueOneofCase.String => value.String,
            ProtoValue.TypedValueOneofCase.Bool => value.Bool,
            ProtoValue.TypedValueOneofCase.Int32 => (long)value.Int32,
            ProtoValue.TypedValueOneofCase.Int64 => value.Int64,
            ProtoValue.TypedValueOneofCase.Uint32 => (ulong)value.Uint32,
            ProtoValue.TypedValueOneofCase.Uint64 => value.Uint64,
            ProtoValue.TypedValueOneofCase.Float => value.Float,
            ProtoValue.TypedValueOneofCase.Double => value.Double,
            ProtoValue.TypedValueOneofCase.StringArray => value.StringArray.Values.ToArray(),
            ProtoValue.TypedValueOneofCase.BoolArray => value.BoolArray.Values.ToArray(),
            ProtoValue.TypedValueOneofCase.Int32Array => value.Int32Array.Values.Select(item => (long)item).ToArray(),
            ProtoValue.TypedValueOneofCase.Int64Array => value.Int64Array.Values.ToArray(),
            ProtoValue.TypedValueOneofCase.Uint32Array => value.Uint32Array.Values.Select(item => (ulong)item).ToArray(),
            ProtoValue.TypedValueOneofCase.Uint64Array => value.Uint64Array.Values.ToArray(),
            ProtoValue.TypedValueOneofCase.FloatArray => value.FloatArray.Values.ToArray(),
            ProtoValue.TypedValueOneofCase.DoubleArray => value.DoubleArray.Values.ToArray(),
            _ => throw new SignalValueException(entry.Path, $"unsupported value type {value.TypedValueCase}"),
        };
    }

    /// <summary>The wire value of a canonical value; null when the signal has no value.</summary>
    public static ProtoValue? ToProto(VssEntry entry, object? value)
    {
        if (value is null)
        {
            return null;
        }

        return WireCase(entry.DataType) switch
        {
            ProtoValue.TypedValueOneofCase.String => new ProtoValue { String = (string)value },
            ProtoValue.TypedValueOneofCase.Bool => new ProtoValue { Bool = (bool)value },
            ProtoValue.TypedValueOneofCase.Int32 => new ProtoValue { Int32 = (int)(long)value },
            ProtoValue.TypedValueOneofCase.Int64 => new ProtoValue { Int64 = (long)value },
            ProtoValue.TypedValueOneofCase.Uint32 => new ProtoValue { Uint32 = (uint)(ulong)value },
            ProtoValue.TypedValueOneofCase.Uint64 => new ProtoValue { Uint64 = (ulong)value },
            ProtoValue.TypedValueOneofCase.Float => new ProtoValue { Float = (float)value },
            ProtoValue.TypedValueOneofCase.Double => new ProtoValue { Double = (double)value },
            ProtoValue.TypedValueOneofCase.StringArray => new ProtoValue { StringArray = new StringArray { Values = { (string[])value } } },
            ProtoValue.TypedValueOneofCase.BoolArray => new ProtoValue { BoolArray = new BoolArray { Values = { (bool[])value } } },
            ProtoValue.TypedValueOneofCase.Int32Array => new ProtoValue { Int32Array = new Int32Array { Values = { ((long[])value).Select(item => (int)item) } } },
            ProtoValue.TypedValueOneofCase.Int64Array => new ProtoValue { Int64Array = new Int64Array { Values = { (long[])value } } },
            ProtoValue.TypedValueOneofCase.Uint32Array => new ProtoValue { Uint32Array = new Uint32Array { Values = { ((ulong[])value).Select(item => (uint)item) } } },
            ProtoValue.TypedValueOneofCase.Uint64Array => new ProtoValue { Uint64Array = new Uint64Array { Values = { (ulong[])value } } },
            ProtoValue.TypedValueOneofCase.FloatArray => new ProtoValue { FloatArray = new FloatArray { Values = { (float[])value } } },
            ProtoValue.TypedValueOneofCase.DoubleArray => new ProtoValue { DoubleArray = new DoubleArray { Values = { (double[])value } } },
            var other => throw new InvalidOperationException($"no wire form for {other}"),
        };
    }

    /// <summary>A data point for a signal's current value.</summary>
    public static Datapoint ToDatapoint(SignalUpdate update) => new()
    {
        Timestamp = Timestamp.FromDateTimeOffset(update.Timestamp),
        Value = ToProto(update.Entry, update.Value),
    };

    /// <summary>
    /// The data point of an update, encoded once and then shared: responses only serialise it, never change it.
    /// </summary>
    public static Datapoint SharedDatapoint(SignalUpdate update)
    {
        if (update.WireForm is Datapoint cached)
        {
            return cached;
        }

        var datapoint = ToDatapoint(update);
        update.WireForm = datapoint; // a race only encodes it twice
        return datapoint;
    }

    /// <summary>The kuksa metadata of a catalog entry.</summary>
    public static Metadata ToMetadata(VssEntry entry)
    {
        var metadata = new Metadata
        {
            Id = entry.Id,
            Path = entry.Path,
            DataType = (DataType)DataTypeNumber(entry.DataType),
            EntryType = entry.EntryType switch
            {
                VssEntryType.Attribute => EntryType.Attribute,
                VssEntryType.Sensor => EntryType.Sensor,
                _ => EntryType.Actuator,
            },
            Description = entry.Description,
            Comment = entry.Comment,
            Deprecation = entry.Deprecation,
            Unit = entry.Unit,
        };
        var scalar = VssDataTypes.ElementType(entry.DataType);
        if (entry.Min is { } min)
        {
            metadata.Min = ToProto(entry with { DataType = scalar }, VssValues.FromNumber(scalar, min) ?? min);
        }

        if (entry.Max is { } max)
        {
            metadata.Max = ToProto(entry with { DataType = scalar }, VssValues.FromNumber(scalar, max) ?? max);
        }

        if (entry.Allowed is { Count: > 0 } allowed)
        {
            metadata.AllowedValues = ToProto(entry with { DataType = scalar + (int)VssDataType.StringArray }, ToArray(scalar, allowed));
        }

        return metadata;
    }

    private static Array ToArray(VssDataType scalar, IReadOnlyList<object> items) => scalar switch
    {
        VssDataType.String => items.Cast<string>().ToArray(),
        VssDataType.Boolean => items.Cast<bool>().ToArray(),
        VssDataType.Float => items.Cast<float>().ToArray(),
        VssDataType.Double => items.Cast<double>().ToArray(),
        _ when VssDataTypes.IsSigned(scalar) => items.Cast<long>().ToArray(),
        _ => items.Cast<ulong>().ToArray(),
    };

    private static int DataTypeNumber(VssDataType type) => type switch
    {
        VssDataType.String => 1,
        VssDataType.Boolean => 2,
        >= VssDataType.Int8 and <= VssDataType.Double => 3 + (type - VssDataType.Int8),
        _ => 20 + (type - VssDataType.StringArray), // arrays follow the scalars' order from 20
    };

    private static ProtoValue.TypedValueOneofCase WireCase(VssDataType type) => type switch
    {
        VssDataType.String => ProtoValue.TypedValueOneofCase.String,
        VssDataType.Boolean => ProtoValue.TypedValueOneofCase.Bool,
        VssDataType.Int8 or VssDataType.Int16 or VssDataType.Int32 => ProtoValue.TypedValueOneofCase.Int32,
        VssDataType.Int64 => ProtoValue.TypedValueOneofCase.Int64,
        VssDataType.UInt8 or VssDataType.UInt16 or VssDataType.UInt32 => ProtoValue.TypedValueOneofCase.Uint32,
        VssDataType.UInt64 => ProtoValue.TypedValueOneofCase.Uint64,
        VssDataType.Float => ProtoValue.TypedValueOneofCase.Float,
        VssDataType.Double => ProtoValue.TypedValueOneofCase.Double,
        VssDataType.StringArray => ProtoValue.TypedValueOneofCase.StringArray,
        VssDataType.BooleanArray => ProtoValue.TypedValueOneofCase.BoolArray,
        VssDataType.Int8Array or VssDataType.Int16Array or VssDataType.Int32Array => ProtoValue.TypedValueOneofCase.Int32Array,
        VssDataType.Int64Array => ProtoValue.TypedValueOneofCase.Int64Array,
        VssDataType.UInt8Array or VssDataType.UInt16Array or VssDataType.UInt32Array => ProtoValue.TypedValueOneofCase.Uint32Array,
        VssDataType.UInt64Array => ProtoValue.TypedValueOneofCase.Uint64Array,
        VssDataType.FloatArray => ProtoValue.TypedValueOneofCase.FloatArray,
        _ => ProtoValue.TypedValueOneofCase.DoubleArray,
    };

    private static string WireName(ProtoValue.TypedValueOneofCase wire) => wire switch
    {
        ProtoValue.TypedValueOneofCase.None => "no value",
        _ => System.Text.RegularExpressions.Regex.Replace(wire.ToString(), "(?<=[a-z0-9])([A-Z])", "_$1").ToLowerInvariant(),
    };
}
