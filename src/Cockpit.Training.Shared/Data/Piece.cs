namespace Cockpit.Training.Data;

/// <summary>
/// A piece of a generated utterance: text, the span class it carries (null = outside), its call index, and for a number
/// (<c>NUM</c>, <c>LEVEL</c>, <c>DELTA</c>) the value it says, as the generator chose it.
/// </summary>
internal sealed record Piece(string Text, string? Class, int Call, double? Number = null)
{
    public static Piece Outside(string text) => new(text, null, 0);
}
