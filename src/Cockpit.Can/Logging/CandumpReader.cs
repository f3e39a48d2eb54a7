using System.Globalization;
using Cockpit.Can.Frames;

namespace Cockpit.Can.Logging;

/// <summary>
/// Reads can-utils log files (<c>candump -l</c> output). Blank lines are skipped; anything else that is not
/// <c>(seconds.micros) interface frame</c> is an error naming the line.
/// </summary>
public sealed class CandumpReader
{
    // The last whole second a DateTimeOffset can hold (9999-12-31T23:59:59Z); beyond it the tick count would not fit.
    private static readonly long MaxUnixSeconds = (DateTimeOffset.MaxValue - DateTimeOffset.UnixEpoch).Ticks / TimeSpan.TicksPerSecond;

    private readonly TextReader _reader;
    private readonly string _source;
    private int _line;

    /// <summary>Creates a reader over <paramref name="reader"/>; the caller owns and disposes it.</summary>
    /// <param name="reader">The log text.</param>
    /// <param name="source">A name for error messages, e.g. the file name.</param>
    public CandumpReader(TextReader reader, string source = "<candump>")
    {
        ArgumentNullException.ThrowIfNull(reader);
        _reader = reader;
        _source = source;
    }

    /// <summary>Reads the next record.</summary>
    /// <param name="record">The record, when one was read.</param>
    /// <returns><see langword="false"/> at the end of the log.</returns>
    /// <exception cref="CandumpFormatException">A line does not follow the format.</exception>
    public bool TryRead(out CandumpRecord record)
    {
        while (_reader.ReadLine() is { } text)
        {
            _line++;
            if (!string.IsNullOrWhiteSpace(text))
            {
                record = ParseLine(text, _source, _line);
                return true;
            }
        }

        record = default;
        return false;
    }

    /// <summary>Reads all remaining records.</summary>
    /// <returns>The records, lazily.</returns>
    /// <exception cref="CandumpFormatException">A line does not follow the format.</exception>
    public IEnumerable<CandumpRecord> ReadAll()
    {
        while (TryRead(out var record))
        {
            yield return record;
        }
    }

    /// <summary>Parses one log line.</summary>
    /// <param name="text">The line, e.g. <c>(1700000000.123456) vcan0 123#DEADBEEF</c>.</param>
    /// <param name="source">A name for error messages.</param>
    /// <param name="line">The line number for error messages.</param>
    /// <returns>The record.</returns>
    /// <exception cref="CandumpFormatException">The line does not follow the format.</exception>
    public static CandumpRecord ParseLine(string text, string source = "<candump>", int line = 1)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 3)
        {
            throw new CandumpFormatException(source, line, $"expected '(seconds.micros) interface frame', found '{text}'");
        }

        var timestamp = ParseTimestamp(parts[0]) ?? throw new CandumpFormatException(source, line,
            $"expected a timestamp such as (1700000000.123456), found '{parts[0]}'");
        try
        {
            return new CandumpRecord(timestamp, parts[1], ParseFrame(parts[2]));
        }
        catch (FormatException e)
        {
            throw new CandumpFormatException(source, line, $"{e.Message}, found '{parts[2]}'");
        }
        catch (ArgumentException e)
        {
            throw new CandumpFormatException(source, line, $"expected a valid frame ({e.Message.Split(" (Parameter", 2)[0]}), found '{parts[2]}'");
        }
    }

    /// <summary>Parses a frame in candump's compact form: <c>123#DEADBEEF</c>, <c>1F334455#</c>, <c>123##1AABB</c>.</summary>
    /// <param name="text">The frame text.</param>
    /// <returns>The frame.</returns>
    /// <exception cref="FormatException">The text is not a frame.</exception>
    public static CanFrame ParseFrame(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hash = text.IndexOf('#', StringComparison.Ordinal);
        if (hash is not (3 or 8))
        {
            throw new FormatException("expected a 3-digit (standard) or 8-digit (extended) hex id before '#'");
        }

        if (!uint.TryParse(text.AsSpan(0, hash), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var id))
        {
            throw new FormatException("expected a hex id before '#'");
        }

        var rest = text.AsSpan(hash + 1);
        var isFd = rest.StartsWith("#");
        var brs = false;
        var esi = false;
        if (isFd)
        {
            if (rest.Length < 2 || !byte.TryParse(rest.Slice(1, 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var flags))
            {
                throw new FormatException("expected one hex flags digit after '##'");
            }

            brs = (flags & 1) != 0;
            esi = (flags & 2) != 0;
            rest = rest[2..];
        }
        else if (rest.StartsWith("R"))
        {
            throw new FormatException("expected a data frame; remote frames (R) are not supported");
        }

        var hex = rest.ToString().Replace(".", string.Empty, StringComparison.Ordinal);
        if (hex.Length % 2 != 0 || !hex.All(char.IsAsciiHexDigit))
        {
            throw new FormatException("expected pairs of hex digits after '#'");
        }

        return new CanFrame(id, Convert.FromHexString(hex), isExtended: hash == 8, isFd, brs, esi);
    }

    private static DateTimeOffset? ParseTimestamp(string text)
    {
        if (text.Length < 3 || text[0] != '(' || text[^1] != ')')
        {
            return null;
        }

        var body = text.AsSpan(1, text.Length - 2);
        var dot = body.IndexOf('.');
        if (dot < 0 || !long.TryParse(body[..dot], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > MaxUnixSeconds)
        {
            return null;
        }

        var fraction = body[(dot + 1)..];
        if (fraction.Length is 0 or > 7 || !long.TryParse(fraction, NumberStyles.None, CultureInfo.InvariantCulture, out var digits))
        {
            return null;
        }

        for (var i = fraction.Length; i < 7; i++)
        {
            digits *= 10;
        }

        return DateTimeOffset.UnixEpoch.AddTicks((seconds * TimeSpan.TicksPerSecond) + digits);
    }
}
