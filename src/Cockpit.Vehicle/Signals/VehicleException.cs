namespace Cockpit.Vehicle.Signals;

/// <summary>
/// Base of the vehicle service's domain errors. Each subtype is one kind of failure, mapped to a gRPC
/// status in one place (<c>Grpc/VehicleErrors.cs</c>); the message always names the path and the reason.
/// </summary>
public abstract class VehicleException(string path, string message) : Exception(message)
{
    /// <summary>The VSS path the error is about.</summary>
    public string Path { get; } = path;
}

/// <summary>The path names no signal of the catalog.</summary>
public sealed class SignalNotFoundException(string path)
    : VehicleException(path, $"{path}: no such signal");

/// <summary>The request does not fit the signal: wrong data type, out of range, not allowed, or not settable.</summary>
public sealed class SignalValueException(string path, string reason)
    : VehicleException(path, $"{path}: {reason}")
{
    /// <summary>Why the value was rejected, without the path.</summary>
    public string Reason { get; } = reason;
}

/// <summary>A safety interlock forbids the actuation in the car's current state; nothing was moved.</summary>
public sealed class InterlockException(string path, string reason)
    : VehicleException(path, $"{path}: {reason}")
{
    /// <summary>Why the interlock holds, without the path.</summary>
    public string Reason { get; } = reason;
}
