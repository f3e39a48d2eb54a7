using Cockpit.Vehicle.Signals;
using Cockpit.Vehicle.Vss;
using Microsoft.Extensions.Options;

namespace Cockpit.Vehicle.Safety;

/// <summary>
/// Rules that forbid an actuation in the car's current state. They run inside the vehicle service, on
/// every path into it (kuksa API, simulation control, HMI, agent), so no client can bypass them.
/// </summary>
internal sealed class ActuationInterlocks(VssCatalog catalog, IOptions<VehicleOptions> options)
{
    private static readonly VssPathPattern[] s_openedOnlyAtStandstill =
    [
        VssPathPattern.Parse("Vehicle.Cabin.Door.*.*.IsOpen"),
        VssPathPattern.Parse("Vehicle.Body.Trunk.*.IsOpen"),
    ];

    private readonly VssEntry? _speed = catalog.TryGet("Vehicle.Speed", out var speed) ? speed : null;

    /// <summary>Throws <see cref="InterlockException"/> when a rule forbids setting the actuator to the value.</summary>
    public void Check(VssEntry actuator, object value, SignalStore store)
    {
        if (value is true && s_openedOnlyAtStandstill.Any(pattern => pattern.Matches(actuator.Path))
            && _speed is not null && store.GetValue(_speed) is { } speedValue)
        {
            var speedKmh = VssValues.ToDouble(speedValue);
            var limit = options.Value.OpeningSpeedLimitKmh;
            if (speedKmh > limit)
            {
                throw new InterlockException(actuator.Path,
                    $"cannot open while the vehicle is moving (speed {speedKmh:0.#} km/h, allowed up to {limit:0.#} km/h)");
            }
        }
    }
}
