namespace Cockpit.Can.Logging;

/// <summary>A candump log line that does not follow the format; the message names the source, the line and what was expected.</summary>
public sealed class CandumpFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="source">The log name given to the reader.</param>
    /// <param name="line">The 1-based line number.</param>
    /// <param name="reason">What was expected and what was found.</param>
    public CandumpFormatException(string source, int line, string reason)
        : base($"{source}({line}): {reason}")
    {
        Source = source;
        Line = line;
        Reason = reason;
    }

    /// <summary>The log name given to the reader.</summary>
    public new string Source { get; }

    /// <summary>The 1-based line number.</summary>
    public int Line { get; }

    /// <summary>What was expected and what was found, without the location.</summary>
    public string Reason { get; }
}
