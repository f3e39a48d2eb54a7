using Cockpit.Can.Frames;

namespace Cockpit.Can.Logging;

/// <summary>One line of a candump log: when, on which interface, which frame.</summary>
/// <param name="Timestamp">The receive time, to the microsecond.</param>
/// <param name="Interface">The interface name, e.g. <c>vcan0</c>.</param>
/// <param name="Frame">The frame.</param>
public readonly record struct CandumpRecord(DateTimeOffset Timestamp, string Interface, CanFrame Frame);
