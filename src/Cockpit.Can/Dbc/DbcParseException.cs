namespace Cockpit.Can.Dbc;

/// <summary>A DBC text that does not follow the format; the message names file, line, column and what was expected.</summary>
public sealed class DbcParseException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="fileName">The file name given to the parser.</param>
    /// <param name="line">The 1-based line.</param>
    /// <param name="column">The 1-based column.</param>
    /// <param name="reason">What was expected and what was found.</param>
    public DbcParseException(string fileName, int line, int column, string reason)
        : base($"{fileName}({line},{column}): {reason}")
    {
        FileName = fileName;
        Line = line;
        Column = column;
        Reason = reason;
    }

    /// <summary>The file name given to the parser.</summary>
    public string FileName { get; }

    /// <summary>The 1-based line of the offending token.</summary>
    public int Line { get; }

    /// <summary>The 1-based column of the offending token.</summary>
    public int Column { get; }

    /// <summary>What was expected and what was found, without the location.</summary>
    public string Reason { get; }
}
