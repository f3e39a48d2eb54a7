using Cockpit.Understanding.Catalog;

namespace Cockpit.Understanding.Resolution;

/// <summary>One call, resolved: VSS targets, a screen task, or a refusal (exactly one of them is set/non-empty).</summary>
public sealed record ResolvedAction
{
    /// <summary>The call this came from.</summary>
    public required ActionCall Call { get; init; }

    /// <summary>The catalog function (after follow-up resolution), or null when it could not be determined.</summary>
    public CatalogFunction? Function { get; init; }

    /// <summary>Values to write, one per path (several for "all windows").</summary>
    public IReadOnlyList<VssTarget> Targets { get; init; } = [];

    /// <summary>The screen task, for screen functions.</summary>
    public ScreenTask? Screen { get; init; }

    /// <summary>Why the call is refused, or null.</summary>
    public Refusal? Refusal { get; init; }

    /// <summary>Seat ids the call applies to (empty for functions without zones).</summary>
    public IReadOnlyList<string> Seats { get; init; } = [];
}
