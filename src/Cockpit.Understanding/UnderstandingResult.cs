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
    /// Overall confidence 0..1: that of the least sure call (the mean probability of its intent tags); without calls, how
    /// sure the model was that nothing was asked (the lowest probability of an <c>O</c> intent tag).
    /// </summary>
    public float Confidence { get; init; }

    /// <summary>The speaking seat given to <see cref="UtteranceUnderstander.Understand"/>.</summary>
    public Seat SpeakingSeat { get; init; }

    /// <summary>Model time for this utterance (tokenize, gather, run, decode).</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>True when at least one call was understood.</summary>
    public bool IsActionable => Calls.Count > 0;

    /// <summary>True when every call is a question: answering one reads the car and moves nothing.</summary>
    public bool IsQuestionOnly => IsActionable && Calls.All(call => call.Operation == Model.LabelSet.QueryOperation);
}
