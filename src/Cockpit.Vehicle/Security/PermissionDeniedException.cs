using Cockpit.Vehicle.Signals;

namespace Cockpit.Vehicle.Security;

/// <summary>A valid token whose scope does not cover what the call asks for; nothing was read or changed. Maps to PERMISSION_DENIED.</summary>
public sealed class PermissionDeniedException(string path, string reason)
    : VehicleException(path, $"{path}: permission denied: {reason}")
{
    /// <summary>Why, without the path: which scope is missing.</summary>
    public string Reason { get; } = reason;
}
