using Cockpit.Vehicle.Vss;

namespace Cockpit.Vehicle.Signals;

/// <summary>A signal's new current value; <see cref="Value"/> is null when the signal has no value.</summary>
public sealed record SignalUpdate(VssEntry Entry, object? Value, DateTimeOffset Timestamp)
{
    /// <summary>
    /// The update in wire form, made once by the API layer and shared by every subscriber's stream
    /// (a hundred subscribers would otherwise encode the same change a hundred times). Not part of equality.
    /// </summary>
    internal object? WireForm { get; set; }

    /// <inheritdoc />
    public bool Equals(SignalUpdate? other) =>
        other is not null && Entry == other.Entry && VssValues.AreEqual(Value, other.Value) && Timestamp == other.Timestamp;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Entry, Timestamp);
}
