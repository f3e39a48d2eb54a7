namespace Cockpit.Vehicle.Simulation;

/// <summary>The outcome of <see cref="SimulatedVehicle.Settle"/>.</summary>
/// <param name="Pending">Signals still moving when the limit was reached; empty when settled.</param>
/// <param name="Advanced">Simulated time that passed.</param>
public sealed record SettleResult(IReadOnlyList<string> Pending, TimeSpan Advanced)
{
    /// <summary>Whether every actuator reached its target.</summary>
    public bool Settled => Pending.Count == 0;
}
