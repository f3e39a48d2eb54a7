using Cockpit.Vehicle.Vss;

namespace Cockpit.Vehicle.Simulation.Ecus;

/// <summary>
/// The cabin's air: <c>HVAC.AmbientAirTemperature</c> drifts toward the mean of the front set points
/// at a fixed rate. A sensor, so it never counts as pending.
/// </summary>
internal sealed class CabinClimateEcu(VssCatalog catalog, double degreesPerSecond) : EcuModel
{
    private readonly VssEntry _cabin = catalog.Get("Vehicle.Cabin.HVAC.AmbientAirTemperature");
    private readonly VssEntry[] _setPoints =
    [
        catalog.Get("Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature"),
        catalog.Get("Vehicle.Cabin.HVAC.Station.Row1.Passenger.Temperature"),
    ];

    private double? _exact;

    public override bool Handles(VssEntry actuator) => false;

    public override void Accept(VssEntry actuator, object value, EcuState store)
    {
    }

    public override void Advance(TimeSpan elapsed, EcuState store)
    {
        var setPoints = _setPoints.Select(store.GetValue).OfType<float>().ToArray();
        if (setPoints.Length == 0 || store.GetValue(_cabin) is not float reported)
        {
            return;
        }

        // Keep the unrounded temperature between ticks; publish tenths of a degree.
        var current = _exact is { } exact && Math.Abs(exact - reported) < 0.051 ? exact : reported;
        var goal = setPoints.Average();
        var step = degreesPerSecond * elapsed.TotalSeconds;
        _exact = MoveToward(current, goal, step);
        store.Publish(_cabin, (float)Math.Round(_exact.Value, 1));
    }

    public override void Reset() => _exact = null;
}
