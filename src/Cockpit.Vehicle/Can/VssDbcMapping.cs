namespace Cockpit.Vehicle.Can;

/// <summary>
/// A VSS↔DBC mapping file (docs/formats/vss-dbc-mapping.md): per VSS path, <c>dbc2vss</c> (which status signal
/// carries its current value) and, for actuators, <c>vss2dbc</c> (which command signal carries a new target).
/// </summary>
internal sealed class VssDbcMapping(string source, IReadOnlyDictionary<string, (MappingRule? Dbc2Vss, MappingRule? Vss2Dbc)> paths)
{
    /// <summary>Where the mapping came from, for messages.</summary>
    public string Source { get; } = source;

    /// <summary>VSS path → its two directions (either may be missing), in file order.</summary>
    public IReadOnlyDictionary<string, (MappingRule? Dbc2Vss, MappingRule? Vss2Dbc)> Paths { get; } = paths;
}
