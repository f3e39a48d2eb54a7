using Cockpit.Vehicle.Vss;

namespace Cockpit.Vehicle.Simulation.Ecus;

/// <summary>
/// A simulated control unit: it takes actuator targets and moves current values over simulated time.
/// Models run under the <see cref="SimulatedVehicle"/>'s lock, so they need no locking of their own.
/// </summary>
internal abstract class EcuModel
{
    /// <summary>Whether this model carries out targets for the actuator.</summary>
    public abstract bool Handles(VssEntry actuator);

    /// <summary>An accepted target for one of this model's actuators.</summary>
    public abstract void Accept(VssEntry actuator, object value, EcuState store);

    /// <summary>Moves the model's signals by <paramref name="elapsed"/> of simulated time.</summary>
    public virtual void Advance(TimeSpan elapsed, EcuState store)
    {
    }

    /// <summary>Signals still on their way to a target.</summary>
    public virtual IEnumerable<string> Pending => [];

    /// <summary>A signal was set directly (simulation control); stop any motion of it.</summary>
    public virtual void Stop(VssEntry entry)
    {
    }

    /// <summary>Forget all motion (the car is reset).</summary>
    public virtual void Reset()
    {
    }

    /// <summary>
    /// One step of a motion at constant speed. Lands exactly on the target once within a rounding
    /// error of it, so step sums such as 120 × (100 / 120) do not need an extra tick.
    /// </summary>
    protected static double MoveToward(double current, double target, double step)
    {
        var next = target > current ? Math.Min(target, current + step) : Math.Max(target, current - step);
        return Math.Abs(target - next) < 1e-6 ? target : next;
    }
}
