using Cockpit.Vehicle.Vss;

namespace Cockpit.Vehicle.Simulation.Ecus;

/// <summary>
/// Actuators that take effect at once (set points, switches, lamps): the current value becomes the target.
/// Registered last, so every actuator no other model claims lands here.
/// </summary>
internal sealed class ImmediateEcu : EcuModel
{
    public override bool Handles(VssEntry actuator) => actuator.IsActuator;

    public override void Accept(VssEntry actuator, object value, EcuState store) =>
        store.Publish(actuator, value);
}
