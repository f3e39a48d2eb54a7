using Cockpit.Understanding.Catalog;

namespace Cockpit.Understanding.Resolution;

/// <summary>One call, resolved: VSS targets, a screen task, a question to answer, or a refusal (exactly one of them is set/non-empty).</summary>
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

    /// <summary>For a question, the VSS paths to read for the answer (one per seat asked about, in seat order), else empty.</summary>
    public IReadOnlyList<string> Reads { get; init; } = [];

    /// <summary>For a question about a reading (a sensor, what is playing), the reading; null otherwise.</summary>
    public CatalogReading? Reading { get; init; }

    /// <summary>True when the call asks about the car's state rather than changing it.</summary>
    public bool IsQuery => Reads.Count > 0;

    /// <summary>Why the call is refused, or null.</summary>
    public Refusal? Refusal { get; init; }

    /// <summary>Seat ids the call applies to (empty for functions without zones).</summary>
    public IReadOnlyList<string> Seats { get; init; } = [];
}
