namespace Cockpit.Understanding.Resolution;

/// <summary>The outcome of resolving one turn's calls.</summary>
/// <param name="Actions">One entry per call, in order.</param>
/// <param name="Context">The context for the next turn (unchanged when nothing was resolved).</param>
public sealed record ResolutionResult(IReadOnlyList<ResolvedAction> Actions, DialogueContext? Context)
{
    /// <summary>True when any call was refused.</summary>
    public bool HasRefusal => Actions.Any(a => a.Refusal is not null);

    /// <summary>All VSS targets of the accepted calls, in order.</summary>
    public IEnumerable<VssTarget> Targets => Actions.Where(a => a.Refusal is null).SelectMany(a => a.Targets);
}
