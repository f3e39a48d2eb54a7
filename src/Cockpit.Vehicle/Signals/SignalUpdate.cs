using Cockpit.Vehicle.Vss;

namespace Cockpit.Vehicle.Signals;

/// <summary>A signal's new current value; <see cref="Value"/> is null when the signal has no value.</summary>
public sealed record SignalUpdate(VssEntry Entry, object? Value, DateTimeOffset Timestamp);
