using System.Globalization;
using Cockpit.Can.Frames;

namespace Cockpit.Can.Logging;

/// <summary>
/// Writes frames in the can-utils log format (<c>candump -l</c>), which <c>canplayer</c>, <c>log2asc</c> and
/// python-can read: <c>(1700000000.123456) vcan0 123#DEADBEEF</c>, <c>##&lt;flags&gt;</c> for CAN FD.
/// </summary>
public sealed class CandumpWriter
{
    private readonly TextWriter _writer;

    /// <summary>Creates a writer over <paramref name="writer"/>; the caller owns and disposes it.</summary>
    /// <param name="writer">Where lines go.</param>
    public CandumpWriter(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _writer = writer;
    }

    /// <summary>Writes one record as one line.</summary>
    /// <param name="record">The record.</param>
    public void Write(CandumpRecord record) => _writer.Write(Format(record) + "\n");

    /// <summary>Writes one frame as one line.</summary>
    /// <param name="timestamp">The receive time; kept to the microsecond.</param>
    /// <param name="interfaceName">The interface name, e.g. <c>vcan0</c>.</param>
    /// <param name="frame">The frame.</param>
    public void Write(DateTimeOffset timestamp, string interfaceName, CanFrame frame) =>
        Write(new CandumpRecord(timestamp, interfaceName, frame));

    /// <summary>Formats one record as a log line, without the line break.</summary>
    /// <param name="record">The record.</param>
    /// <returns>The line.</returns>
    public static string Format(CandumpRecord record)
    {
        if (string.IsNullOrEmpty(record.Interface) || record.Interface.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException($"An interface name is one word, got '{record.Interface}'.", nameof(record));
        }

        var ticks = (record.Timestamp - DateTimeOffset.UnixEpoch).Ticks;
        var seconds = Math.DivRem(ticks, TimeSpan.TicksPerSecond, out var rest);
        var micros = rest / TimeSpan.TicksPerMicrosecond;
        return string.Create(CultureInfo.InvariantCulture, $"({seconds}.{micros:D6}) {record.Interface} {record.Frame}");
    }
}
