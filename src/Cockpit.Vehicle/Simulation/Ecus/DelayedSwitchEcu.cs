using Cockpit.Vehicle.Vss;

namespace Cockpit.Vehicle.Simulation.Ecus;

/// <summary>
/// Boolean actuators whose mechanism takes a while (a power trunk lid, a power door): the current value
/// follows the target after <paramref name="delay"/>.
/// </summary>
internal sealed class DelayedSwitchEcu(VssPathPattern pattern, TimeSpan delay) : EcuModel
{
    private readonly Dictionary<VssEntry, (object Value, TimeSpan Remaining)> _pending = [];

    public override bool Handles(VssEntry actuator) => actuator.IsActuator && pattern.Matches(actuator.Path);

    public override void Accept(VssEntry actuator, object value, EcuState store)
    {
        if (VssValues.AreEqual(store.GetValue(actuator), value))
        {
            _pending.Remove(actuator);
            return;
        }

        _pending[actuator] = (value, delay);
    }

    public override void Advance(TimeSpan elapsed, EcuState store)
    {
        foreach (var (entry, (value, remaining)) in _pending.ToArray())
        {
            if (remaining <= elapsed)
            {
                store.Publish(entry, value);
                _pending.Remove(entry);
            }
            else
            {
                _pending[entry] = (value, remaining - elapsed);
            }
        }
    }

    public override IEnumerable<string> Pending => _pending.Keys.Select(entry => entry.Path);

    public override void Stop(VssEntry entry) => _pending.Remove(entry);

    public override void Reset() => _pending.Clear();
}
