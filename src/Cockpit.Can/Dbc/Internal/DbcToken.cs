namespace Cockpit.Can.Dbc.Internal;

/// <summary>One lexical token with its position; <see cref="StartsLine"/> marks the first token on a line.</summary>
internal readonly record struct DbcToken(DbcTokenKind Kind, string Text, int Line, int Column, bool StartsLine)
{
    public bool IsSymbol(char symbol) => Kind == DbcTokenKind.Symbol && Text[0] == symbol;

    public bool IsIdentifier(string text) => Kind == DbcTokenKind.Identifier && Text == text;

    public string Describe() => Kind switch
    {
        DbcTokenKind.End => "end of file",
        DbcTokenKind.String => $"string \"{Text}\"",
        DbcTokenKind.Number => $"number '{Text}'",
        DbcTokenKind.Symbol => $"'{Text}'",
        _ => $"'{Text}'",
    };
}
