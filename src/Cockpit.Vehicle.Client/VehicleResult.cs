namespace Cockpit.Vehicle.Client;

/// <summary>The outcome of a change asked of the car, with the service's reason when it was not accepted.</summary>
/// <param name="Outcome">What the vehicle service made of it.</param>
/// <param name="Reason">The service's words for a refusal or failure (for logs and as the detail of a reply); empty when accepted.</param>
public readonly record struct VehicleResult(VehicleOutcome Outcome, string Reason)
{
    /// <summary>A change the car accepted.</summary>
    public static VehicleResult Accepted { get; } = new(VehicleOutcome.Accepted, "");

    /// <summary>Whether the car accepted the change.</summary>
    public bool IsAccepted => Outcome == VehicleOutcome.Accepted;
}
