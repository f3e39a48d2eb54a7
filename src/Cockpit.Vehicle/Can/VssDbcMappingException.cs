namespace Cockpit.Vehicle.Can;

/// <summary>A VSS↔DBC mapping file is malformed, or does not fit the DBC or the catalog. The message names the file, the VSS path and what was expected.</summary>
public sealed class VssDbcMappingException(string message) : Exception(message);
