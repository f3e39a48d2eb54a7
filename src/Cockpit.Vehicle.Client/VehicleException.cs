namespace Cockpit.Vehicle.Client;

/// <summary>A read of the car that did not succeed: its <see cref="Outcome"/> says why, never a transport status.</summary>
public sealed class VehicleException : Exception
{
    /// <summary>Creates the exception for a failed read.</summary>
    public VehicleException(VehicleOutcome outcome, string reason, Exception? innerException = null)
        : base($"{outcome}: {reason}", innerException)
    {
        Outcome = outcome;
        Reason = reason;
    }

    /// <summary>Why the read did not succeed.</summary>
    public VehicleOutcome Outcome { get; }

    /// <summary>The vehicle service's words for it.</summary>
    public string Reason { get; }
}
