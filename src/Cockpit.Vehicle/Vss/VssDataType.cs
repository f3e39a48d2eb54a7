namespace Cockpit.Vehicle.Vss;

/// <summary>The VSS data types a signal can have (the vss-tools <c>datatype</c> field).</summary>
public enum VssDataType
{
    String,
    Boolean,
    Int8,
    Int16,
    Int32,
    Int64,
    UInt8,
    UInt16,
    UInt32,
    UInt64,
    Float,
    Double,
    StringArray,
    BooleanArray,
    Int8Array,
    Int16Array,
    Int32Array,
    Int64Array,
    UInt8Array,
    UInt16Array,
    UInt32Array,
    UInt64Array,
    FloatArray,
    DoubleArray,
}
