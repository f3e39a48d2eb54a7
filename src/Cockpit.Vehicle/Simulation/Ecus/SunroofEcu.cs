using Cockpit.Vehicle.Vss;

namespace Cockpit.Vehicle.Simulation.Ecus;

/// <summary>
/// The sunroof: the <c>Switch</c> command moves the <c>Position</c> sensor (0 closed, 100 open,
/// −100 fully tilted) at a fixed speed; <c>INACTIVE</c> stops it where it is.
/// </summary>
internal sealed class SunroofEcu(VssCatalog catalog, TimeSpan fullTravel) : EcuModel
{
    private readonly VssEntry _switch = catalog.Get("Vehicle.Cabin.Sunroof.Switch");
    private readonly VssEntry _position = catalog.Get("Vehicle.Cabin.Sunroof.Position");
    private readonly double _percentPerSecond = 100 / fullTravel.TotalSeconds;
    private double? _target;
    private double _exact;

    public override bool Handles(VssEntry actuator) => actuator == _switch;

    public override void Accept(VssEntry actuator, object value, EcuState store)
    {
        store.Publish(_switch, value, notifyUnchanged: true);
        _exact = store.GetValue(_position) is { } position ? VssValues.ToDouble(position) : 0;
        _target = (string)value switch
        {
            "OPEN" or "ONE_SHOT_OPEN" => 100,
            "CLOSE" or "ONE_SHOT_CLOSE" or "TILT_DOWN" => 0,
            "TILT_UP" => -100,
            _ => null,
        };
    }

    public override void Advance(TimeSpan elapsed, EcuState store)
    {
        if (_target is not { } target)
        {
            return;
        }

        var step = _percentPerSecond * elapsed.TotalSeconds;
        _exact = MoveToward(_exact, target, step);
        store.Publish(_position, VssValues.FromNumber(_position.DataType, Math.Round(_exact)));
        if (_exact == target)
        {
            _target = null;
        }
    }

    public override IEnumerable<string> Pending => _target is null ? [] : [_position.Path];

    public override void Stop(VssEntry entry)
    {
        if (entry == _position || entry == _switch)
        {
            _target = null;
        }
    }

    public override void Reset() => _target = null;
}
