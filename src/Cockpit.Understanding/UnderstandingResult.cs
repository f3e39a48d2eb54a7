namespace Cockpit.Understanding;

/// <summary>What the understanding model made of one utterance.</summary>
public sealed record UnderstandingResult
{
    /// <summary>The utterance as given.</summary>
    public string Text { get; init; } = "";

    /// <summary>The language used (<c>zh</c> or <c>en</c>): the hint when given, otherwise detected from the script.</summary>
    public string Language { get; init; } = "en";

    /// <summary>The calls, in the order they were said; empty when nothing actionable was said (chit-chat, "never mind", noise).</summary>
    public IReadOnlyList<ActionCall> Calls { get; init; } = [];

    /// <summary>
    /// Overall confidence 0..1: that of the weakest call (the lowest probability of a tag it was built from); without
    /// calls, the lowest probability of any chosen tag. Words whose tags fell below
    /// <see cref="UnderstandingOptions.MinTagConfidence"/> were left out of the calls and are listed in <see cref="Rejected"/>.
    /// </summary>
    public float Confidence { get; init; }

    /// <summary>Spans the model tagged but the catalog rejected (e.g. an operation the function does not accept); for logging.</summary>
    public IReadOnlyList<string> Rejected { get; init; } = [];

    /// <summary>The speaking seat given to <see cref="UtteranceUnderstander.Understand"/>.</summary>
    public Seat SpeakingSeat { get; init; }

    /// <summary>Model time for this utterance (tokenize, gather, run, decode).</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>True when at least one call was understood.</summary>
    public bool IsActionable => Calls.Count > 0;
}
