namespace Cockpit.Understanding;

/// <summary>Conversions between <see cref="Seat"/> and the catalog's seat ids.</summary>
public static class SeatExtensions
{
    /// <summary>The catalog seat id: <c>driver</c>, <c>passenger</c>, <c>rear_left</c>, <c>rear_right</c>.</summary>
    /// <param name="seat">The seat.</param>
    public static string ToId(this Seat seat) => seat switch
    {
        Seat.Driver => "driver",
        Seat.Passenger => "passenger",
        Seat.RearLeft => "rear_left",
        Seat.RearRight => "rear_right",
        _ => throw new ArgumentOutOfRangeException(nameof(seat), seat, "Unknown seat."),
    };

    /// <summary>Parses a catalog or scenario seat id (<c>driver</c>, <c>rear_left</c>, …); null when unknown.</summary>
    /// <param name="id">The id, case-insensitive.</param>
    public static Seat? ParseSeat(string? id) => id?.ToLowerInvariant() switch
    {
        "driver" => Seat.Driver,
        "passenger" => Seat.Passenger,
        "rear_left" => Seat.RearLeft,
        "rear_right" => Seat.RearRight,
        _ => null,
    };
}
