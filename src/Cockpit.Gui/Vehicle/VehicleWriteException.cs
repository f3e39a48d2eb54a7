namespace Cockpit.Gui.Vehicle;

/// <summary>The vehicle service did not take a write.</summary>
internal sealed class VehicleWriteException : Exception
{
    public VehicleWriteException(bool unavailable, string message, Exception? inner = null)
        : base(message, inner)
    {
        Unavailable = unavailable;
    }

    /// <summary>True when the service could not be reached; false when it refused the value.</summary>
    public bool Unavailable { get; }
}
