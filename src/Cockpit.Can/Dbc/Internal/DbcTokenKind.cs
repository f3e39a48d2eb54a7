namespace Cockpit.Can.Dbc.Internal;

internal enum DbcTokenKind
{
    End,
    Identifier,
    Number,
    String,
    Symbol,
}
