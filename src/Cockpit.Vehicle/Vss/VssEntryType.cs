namespace Cockpit.Vehicle.Vss;

/// <summary>What a VSS leaf is: a fixed attribute, a measured sensor, or a settable actuator.</summary>
public enum VssEntryType
{
    /// <summary>A fixed property of the car (its brand, the number of doors).</summary>
    Attribute,

    /// <summary>A value the car measures (speed, cabin temperature).</summary>
    Sensor,

    /// <summary>A value that can be set (a window's position, the AC on or off).</summary>
    Actuator,
}
