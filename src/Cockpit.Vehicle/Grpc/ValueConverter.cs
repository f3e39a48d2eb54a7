using Cockpit.Vehicle.Client;
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

        // The service keeps whole numbers as long or ulong, whatever their width.
        return KuksaValues.ToClr(value) switch
        {
            int narrow => (long)narrow,
            uint narrow => (ulong)narrow,
            int[] narrow => narrow.Select(item => (long)item).ToArray(),
            uint[] narrow => narrow.Select(item => (ulong)item).ToArray(),
            var other => other!,
        };
    }

    /// <summary>The wire value of a canonical value; null when the signal has no value.</summary>
    public static ProtoValue? ToProto(VssEntry entry, object? value)
    {
        if (value is null)
        {
            return null;
        }

        return KuksaValues.ToWire(KuksaType(entry.DataType), value);
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
            DataType = KuksaType(entry.DataType),
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

    private static DataType KuksaType(VssDataType type) => (DataType)(type switch
    {
        VssDataType.String => 1,
        VssDataType.Boolean => 2,
        >= VssDataType.Int8 and <= VssDataType.Double => 3 + (type - VssDataType.Int8),
        _ => 20 + (type - VssDataType.StringArray), // arrays follow the scalars' order from 20
    });

    private static ProtoValue.TypedValueOneofCase WireCase(VssDataType type) => KuksaValues.WireCase(KuksaType(type));

    private static string WireName(ProtoValue.TypedValueOneofCase wire) => KuksaValues.WireName(wire);
}
