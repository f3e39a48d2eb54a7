using Cockpit.Vehicle.Vss;

namespace Cockpit.Vehicle.Simulation.Ecus;

/// <summary>
/// Motors that drive a 0–100 % position actuator (windows, shades) at a fixed speed, publishing each
/// whole-percent step on the way.
/// </summary>
internal sealed class PositionMotorEcu(VssPathPattern pattern, TimeSpan fullTravel) : EcuModel
{
    private readonly double _percentPerSecond = 100 / fullTravel.TotalSeconds;
    private readonly Dictionary<VssEntry, Motion> _moving = [];

    public override bool Handles(VssEntry actuator) => actuator.IsActuator && pattern.Matches(actuator.Path);

    public override void Accept(VssEntry actuator, object value, EcuState store)
    {
        var current = store.GetValue(actuator) is { } known ? VssValues.ToDouble(known) : 0;
        _moving[actuator] = new Motion(current, VssValues.ToDouble(value));
    }

    public override void Advance(TimeSpan elapsed, EcuState store)
    {
        var step = _percentPerSecond * elapsed.TotalSeconds;
        foreach (var (entry, motion) in _moving.ToArray())
        {
            var position = MoveToward(motion.Position, motion.Target, step);
            store.Publish(entry, VssValues.FromNumber(entry.DataType, Math.Round(position)));
            if (position == motion.Target)
            {
                _moving.Remove(entry);
            }
            else
            {
                _moving[entry] = motion with { Position = position };
            }
        }
    }

    public override IEnumerable<string> Pending => _moving.Keys.Select(entry => entry.Path);

    public override void Stop(VssEntry entry) => _moving.Remove(entry);

    public override void Reset() => _moving.Clear();

    private readonly record struct Motion(double Position, double Target);
}
