namespace Cockpit.Training.Labels;

/// <summary>
/// One utterance from any source (the generator, a phrasebook, MASSIVE, an evaluation file) with what it asks for: the
/// calls its writer meant, and, where it is used for training, where each call is said and where its arguments are.
/// </summary>
/// <param name="Text">The utterance.</param>
/// <param name="Lang"><c>zh</c> or <c>en</c>.</param>
/// <param name="Source">Where it comes from: <c>generator</c>, <c>phrasebook</c>, <c>massive</c>, <c>human</c>.</param>
/// <param name="Group">The template, writer or intent it belongs to, for splits and reports.</param>
/// <param name="Alternatives">The right answers (most have one; empty calls: nothing to do).</param>
/// <param name="Segments">Where each call is said, with its intent and zones; empty for an evaluation-only utterance.</param>
/// <param name="Slots">Argument spans (values, amounts, levels, free text).</param>
internal sealed record LabeledUtterance(
    string Text,
    string Lang,
    string Source,
    string Group,
    IReadOnlyList<IReadOnlyList<GoldCall>> Alternatives,
    IReadOnlyList<CallSegment> Segments,
    IReadOnlyList<SlotSpan> Slots)
{
    /// <summary>The first right answer.</summary>
    public IReadOnlyList<GoldCall> Gold => Alternatives.Count == 0 ? [] : Alternatives[0];

    /// <summary>True when nothing is to be done.</summary>
    public bool IsNothing => Gold.Count == 0;
}

/// <summary>Where one call is said: its characters, intent and zones.</summary>
/// <param name="Intent">The intent id (<see cref="Understanding.Model.LabelSet"/>).</param>
/// <param name="Start">First character.</param>
/// <param name="End">Past the last character.</param>
/// <param name="Zones">The call's zone ids.</param>
internal sealed record CallSegment(string Intent, int Start, int End, IReadOnlyList<string> Zones);

/// <summary>An argument span: <c>VALUE</c>, <c>DELTA</c>, <c>LEVEL</c> or <c>TEXT</c>.</summary>
/// <param name="Kind">The slot kind.</param>
/// <param name="Start">First character.</param>
/// <param name="End">Past the last character.</param>
internal sealed record SlotSpan(string Kind, int Start, int End);
