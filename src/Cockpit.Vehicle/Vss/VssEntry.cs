namespace Cockpit.Vehicle.Vss;

/// <summary>One VSS leaf (sensor, actuator or attribute) with the limits the car enforces.</summary>
/// <param name="Id">Numeric id, stable for one catalog (ordinal of the sorted paths, from 1).</param>
/// <param name="Path">Full dotted path, e.g. <c>Vehicle.Cabin.HVAC.IsAirConditioningActive</c>.</param>
/// <param name="EntryType">Attribute, sensor or actuator.</param>
/// <param name="DataType">The value's data type.</param>
/// <param name="Min">Inclusive lower limit for numeric values, if any.</param>
/// <param name="Max">Inclusive upper limit for numeric values, if any.</param>
/// <param name="Allowed">The only values accepted, if restricted (strings or numbers).</param>
/// <param name="Default">The catalog's default value, if any (already typed, see <see cref="VssValues"/>).</param>
public sealed record VssEntry(
    int Id,
    string Path,
    VssEntryType EntryType,
    VssDataType DataType,
    double? Min = null,
    double? Max = null,
    IReadOnlyList<object>? Allowed = null,
    object? Default = null)
{
    /// <summary>Human description from the catalog.</summary>
    public string Description { get; init; } = "";

    /// <summary>Optional comment from the catalog.</summary>
    public string Comment { get; init; } = "";

    /// <summary>Deprecation note, empty when not deprecated.</summary>
    public string Deprecation { get; init; } = "";

    /// <summary>Unit of measurement, e.g. <c>km/h</c>; empty when none.</summary>
    public string Unit { get; init; } = "";

    /// <summary>Whether the entry is an actuator (a settable target).</summary>
    public bool IsActuator => EntryType == VssEntryType.Actuator;
}
