using Cockpit.ServiceDefaults;
using Cockpit.Understanding;

namespace Cockpit.Agent.Conversations;

/// <summary>Seat names as requests and scenario files spell them.</summary>
internal static class SeatNames
{
    /// <summary>Parses driver, passenger, rear_left or rear_right; throws <see cref="ArgumentException"/> otherwise.</summary>
    public static Seat Parse(string name) =>
        SeatExtensions.ParseSeat(name) ?? throw new ArgumentException($"seat '{InputText.Quote(name)}' is not one of driver, passenger, rear_left, rear_right", nameof(name));
}
