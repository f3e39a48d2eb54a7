namespace Cockpit.Can.Dbc;

/// <summary>How a signal's raw bits are read as a number (<c>SIG_VALTYPE_</c>).</summary>
public enum DbcValueType
{
    /// <summary>A two's complement or unsigned integer (the default).</summary>
    Integer,

    /// <summary>An IEEE 754 single precision number (<c>SIG_VALTYPE_ … : 1</c>); the signal is 32 bits long.</summary>
    Float32,

    /// <summary>An IEEE 754 double precision number (<c>SIG_VALTYPE_ … : 2</c>); the signal is 64 bits long.</summary>
    Float64,
}
