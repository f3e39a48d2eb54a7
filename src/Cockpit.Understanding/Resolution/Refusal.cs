using Cockpit.Understanding.Catalog;

namespace Cockpit.Understanding.Resolution;

/// <summary>A call that will not be carried out, with a reply that says why in both languages.</summary>
/// <param name="Reason">The reason.</param>
/// <param name="Message">What to tell the occupant.</param>
public sealed record Refusal(RefusalReason Reason, LocalizedText Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Reason}: {Message.En}";
}
