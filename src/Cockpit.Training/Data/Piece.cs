namespace Cockpit.Training.Data;

/// <summary>A piece of a generated utterance: text, the span class it carries (null = outside), and its call index.</summary>
internal sealed record Piece(string Text, string? Class, int Call)
{
    public static Piece Outside(string text) => new(text, null, 0);
}
