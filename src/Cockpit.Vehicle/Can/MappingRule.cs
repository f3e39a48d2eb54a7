namespace Cockpit.Vehicle.Can;

/// <summary>One direction of a VSS signal's mapping, as the mapping file states it.</summary>
/// <param name="Signal">The DBC signal name (unique in the DBC among mapped signals).</param>
/// <param name="Transform">How values change on the way.</param>
/// <param name="Interval">dbc2vss only: the least time between two forwarded values; zero forwards every one.</param>
/// <param name="OnChange">dbc2vss only: forward a value only when it differs from the last one.</param>
internal sealed record MappingRule(string Signal, ValueTransform Transform, TimeSpan Interval, bool OnChange);
