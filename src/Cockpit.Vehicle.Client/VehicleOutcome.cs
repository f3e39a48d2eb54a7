namespace Cockpit.Vehicle.Client;

/// <summary>What the vehicle service made of a call.</summary>
public enum VehicleOutcome
{
    /// <summary>Done.</summary>
    Accepted,

    /// <summary>The value was refused: out of range, not allowed, or of the wrong type.</summary>
    Refused,

    /// <summary>A safety interlock of the car holds the change back (e.g. the trunk while driving).</summary>
    Interlocked,

    /// <summary>No such signal, or not one this call may use (a sensor cannot be actuated).</summary>
    NotFound,

    /// <summary>The service did not accept the caller's credentials (missing or expired token).</summary>
    Unauthenticated,

    /// <summary>The caller's token lacks the scope for this signal or call.</summary>
    Forbidden,

    /// <summary>The service did not answer within the deadline, after the retries.</summary>
    Unreachable,
}
