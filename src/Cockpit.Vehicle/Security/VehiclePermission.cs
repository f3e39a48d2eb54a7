namespace Cockpit.Vehicle.Security;

/// <summary>What a scope entry grants; its name in a token is the lower-case member name.</summary>
internal enum VehiclePermission
{
    /// <summary>Read current values and metadata, subscribe (<c>read</c>).</summary>
    Read,

    /// <summary>Set actuator targets; implies <see cref="Read"/> of the same paths (<c>actuate</c>).</summary>
    Actuate,

    /// <summary>Publish current values as a provider; implies <see cref="Read"/> of the same paths (<c>provide</c>).</summary>
    Provide,

    /// <summary>KUKSA's right to create entries; accepted for compatibility, the car's catalog is fixed, so it only implies <see cref="Read"/> (<c>create</c>).</summary>
    Create,

    /// <summary>The simulation control and CAN injection APIs: reset, set any signal, settle, send frames (<c>simulate</c>, no path).</summary>
    Simulate,
}
