namespace Cockpit.Understanding.Model;

/// <summary>
/// The few repairs <see cref="CallDecoder"/> makes to what the model says, each named so that <c>measure --ablate</c> can
/// report what it earns on the human-written dev set (a rule that earns nothing there goes).
/// </summary>
[Flags]
public enum DecoderRules
{
    /// <summary>No repair.</summary>
    None = 0,

    /// <summary>Two runs of one intent without arguments of their own are one call (a stray <c>B-</c>, a filler between).</summary>
    MergeRuns = 1,

    /// <summary>A number's span grows over the digits beside it and over its sign and number words (<c>3</c> of "31", "负二十").</summary>
    WholeNumbers = 4,

    /// <summary>"Up/down to 40" is where to go: a value said with a relative intent is the target.</summary>
    RelativeToTarget = 8,

    /// <summary>A call's free text runs from its first to its last <c>TEXT</c> token: a name the slot head breaks is read whole.</summary>
    WholeText = 32,

    /// <summary>Free text that starts or ends inside a Latin word takes the whole word: a name's first piece tagged outside is not lost.</summary>
    WholeWords = 64,

    /// <summary>Every repair.</summary>
    All = MergeRuns | WholeNumbers | RelativeToTarget | WholeText | WholeWords,
}
