namespace Cockpit.Vehicle.Signals;

/// <summary>
/// The ECU that carries out an actuator did not confirm the request in time (it is silent, or the bus lost the
/// frames): the target is set, but nothing says the car acted on it. Maps to UNAVAILABLE, as KUKSA answers when
/// no provider serves a signal.
/// </summary>
public sealed class EcuUnavailableException(string path, string ecu, TimeSpan timeout)
    : VehicleException(path, $"{path}: ECU {ecu} did not confirm the request within {timeout.TotalMilliseconds:0} ms")
{
    /// <summary>The DBC node name of the silent ECU.</summary>
    public string Ecu { get; } = ecu;
}
