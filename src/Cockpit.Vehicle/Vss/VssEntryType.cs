namespace Cockpit.Vehicle.Vss;

/// <summary>What a VSS leaf is: a fixed attribute, a measured sensor, or a settable actuator.</summary>
public enum VssEntryType
{
    Attribute,
    Sensor,
    Actuator,
}
