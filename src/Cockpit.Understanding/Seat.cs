namespace Cockpit.Understanding;

/// <summary>A seat position in the car; the speaking seat resolves "my" / "我这边".</summary>
public enum Seat
{
    /// <summary>Front left (row 1, driver side).</summary>
    Driver,

    /// <summary>Front right (row 1, passenger side).</summary>
    Passenger,

    /// <summary>Rear left (row 2, driver side).</summary>
    RearLeft,

    /// <summary>Rear right (row 2, passenger side).</summary>
    RearRight,
}
