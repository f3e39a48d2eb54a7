namespace Cockpit.Can.Dbc;

/// <summary>How a signal's bits are laid out in the payload (the <c>@0</c>/<c>@1</c> of an <c>SG_</c> line).</summary>
public enum DbcByteOrder
{
    /// <summary>Intel, <c>@1</c>: the start bit is the least significant bit and bits run upwards.</summary>
    LittleEndian,

    /// <summary>Motorola, <c>@0</c>: the start bit is the most significant bit, counted in sawtooth order.</summary>
    BigEndian,
}
