namespace Cockpit.Understanding;

/// <summary>A span of the utterance, in UTF-16 code units of the original text.</summary>
/// <param name="Start">Offset of the first character.</param>
/// <param name="Length">Number of characters.</param>
/// <param name="Text">The characters, verbatim.</param>
public sealed record TextSpan(int Start, int Length, string Text)
{
    /// <inheritdoc />
    public override string ToString() => $"{Text}@{Start}";
}
