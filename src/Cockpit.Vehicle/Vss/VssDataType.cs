namespace Cockpit.Vehicle.Vss;

/// <summary>The VSS data types a signal can have (the vss-tools <c>datatype</c> field).</summary>
public enum VssDataType
{
    /// <summary>Text.</summary>
    String,

    /// <summary>True or false.</summary>
    Boolean,

    /// <summary>A signed 8-bit integer.</summary>
    Int8,

    /// <summary>A signed 16-bit integer.</summary>
    Int16,

    /// <summary>A signed 32-bit integer.</summary>
    Int32,

    /// <summary>A signed 64-bit integer.</summary>
    Int64,

    /// <summary>An unsigned 8-bit integer.</summary>
    UInt8,

    /// <summary>An unsigned 16-bit integer.</summary>
    UInt16,

    /// <summary>An unsigned 32-bit integer.</summary>
    UInt32,

    /// <summary>An unsigned 64-bit integer.</summary>
    UInt64,

    /// <summary>A 32-bit floating-point number.</summary>
    Float,

    /// <summary>A 64-bit floating-point number.</summary>
    Double,

    /// <summary>A list of strings.</summary>
    StringArray,

    /// <summary>A list of booleans.</summary>
    BooleanArray,

    /// <summary>A list of signed 8-bit integers.</summary>
    Int8Array,

    /// <summary>A list of signed 16-bit integers.</summary>
    Int16Array,

    /// <summary>A list of signed 32-bit integers.</summary>
    Int32Array,

    /// <summary>A list of signed 64-bit integers.</summary>
    Int64Array,

    /// <summary>A list of unsigned 8-bit integers.</summary>
    UInt8Array,

    /// <summary>A list of unsigned 16-bit integers.</summary>
    UInt16Array,

    /// <summary>A list of unsigned 32-bit integers.</summary>
    UInt32Array,

    /// <summary>A list of unsigned 64-bit integers.</summary>
    UInt64Array,

    /// <summary>A list of 32-bit floating-point numbers.</summary>
    FloatArray,

    /// <summary>A list of 64-bit floating-point numbers.</summary>
    DoubleArray,
}
