namespace Cockpit.Understanding.Resolution;

/// <summary>One value to write to one VSS actuator.</summary>
/// <param name="Path">The VSS path, e.g. <c>Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature</c>.</param>
/// <param name="Value">bool, int (whole-step numbers), float (fractional steps) or string (enums, commands).</param>
public sealed record VssTarget(string Path, object Value)
{
    /// <inheritdoc />
    public override string ToString() => $"{Path}={Value}";
}
