using Cockpit.Vehicle.Vss;

namespace Cockpit.Vehicle.Security;

/// <summary>
/// What one caller may do, resolved once per call from its token's <c>scope</c> claim: a space-separated list of
/// entries <c>read</c>, <c>actuate</c>, <c>provide</c>, <c>create</c> (KUKSA's) and <c>simulate</c> (Cockpit's), each but
/// <c>simulate</c> optionally limited to paths (<c>read:Vehicle.Cabin.*</c>, see <see cref="ScopePathPattern"/>).
/// <c>actuate</c>, <c>provide</c> and <c>create</c> imply <c>read</c> of the same paths. With authorization off, every call
/// gets <see cref="Unrestricted"/>, so the same checks run either way.
/// </summary>
internal sealed class VehicleAccess
{
    private readonly (VehiclePermission Permission, ScopePathPattern? Paths)[]? _grants;

    private VehicleAccess(string subject, (VehiclePermission, ScopePathPattern?)[]? grants)
    {
        Subject = subject;
        _grants = grants;
    }

    /// <summary>Everything, for a service started with authorization off.</summary>
    public static VehicleAccess Unrestricted { get; } = new("(authorization off)", null);

    /// <summary>Whom the token was issued to (its <c>sub</c>), for messages and logs.</summary>
    public string Subject { get; }

    /// <summary>Parses a scope claim; throws <see cref="FormatException"/> naming the entry it does not understand.</summary>
    public static VehicleAccess Parse(string subject, string scope)
    {
        var grants = new List<(VehiclePermission, ScopePathPattern?)>();
        foreach (var entry in scope.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = entry.IndexOf(':', StringComparison.Ordinal);
            var name = colon < 0 ? entry : entry[..colon];
            var permission = name switch
            {
                "read" => VehiclePermission.Read,
                "actuate" => VehiclePermission.Actuate,
                "provide" => VehiclePermission.Provide,
                "create" => VehiclePermission.Create,
                "simulate" => VehiclePermission.Simulate,
                _ => throw new FormatException($"scope entry '{entry}': '{name}' is none of read, actuate, provide, create, simulate"),
            };
            if (colon < 0)
            {
                grants.Add((permission, null));
                continue;
            }

            if (permission == VehiclePermission.Simulate)
            {
                throw new FormatException($"scope entry '{entry}': simulate covers the whole car and takes no path");
            }

            try
            {
                grants.Add((permission, ScopePathPattern.Parse(entry[(colon + 1)..])));
            }
            catch (FormatException error)
            {
                throw new FormatException($"scope entry '{entry}': {error.Message}", error);
            }
        }

        return new VehicleAccess(subject, [.. grants]);
    }

    /// <summary>Whether the caller may do <paramref name="permission"/> on <paramref name="path"/>.</summary>
    public bool Allows(VehiclePermission permission, string path)
    {
        if (_grants is null)
        {
            return true;
        }

        foreach (var (granted, paths) in _grants)
        {
            if (Covers(granted, permission) && (paths is null || paths.Matches(path)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Throws <see cref="PermissionDeniedException"/> unless the caller may do <paramref name="permission"/> on the signal.</summary>
    public void Demand(VehiclePermission permission, VssEntry entry)
    {
        if (!Allows(permission, entry.Path))
        {
            throw new PermissionDeniedException(entry.Path, $"the token of '{Subject}' has no '{Name(permission)}' scope for this path");
        }
    }

    /// <summary>Throws <see cref="PermissionDeniedException"/> unless the caller holds <c>simulate</c>; <paramref name="operation"/> names the call.</summary>
    public void DemandSimulate(string operation)
    {
        if (_grants is not null && !Array.Exists(_grants, grant => grant.Permission == VehiclePermission.Simulate))
        {
            throw new PermissionDeniedException(operation, $"the token of '{Subject}' has no 'simulate' scope");
        }
    }

    private static bool Covers(VehiclePermission granted, VehiclePermission wanted) =>
        granted == wanted || (wanted == VehiclePermission.Read && granted is VehiclePermission.Actuate or VehiclePermission.Provide or VehiclePermission.Create);

    private static string Name(VehiclePermission permission) => permission.ToString().ToLowerInvariant();
}
