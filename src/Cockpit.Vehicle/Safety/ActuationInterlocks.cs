using Cockpit.Vehicle.Signals;
using Cockpit.Vehicle.Vss;
using Microsoft.Extensions.Options;

namespace Cockpit.Vehicle.Safety;

/// <summary>
/// Rules that forbid an actuation in the car's current state. They run inside the vehicle service, on
/// every path into it (kuksa API, simulation control, HMI, agent), so no client can bypass them.
/// </summary>
/// <remarks>
/// Doors and the trunk open only while the car is known to stand still: the magnitude of the speed counts (VSS speed is
/// negative in reverse), and a speed that is missing, cleared, or not reported within
/// <see cref="VehicleOptions.SpeedMaxAge"/> of simulated time counts as moving.
/// </remarks>
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
        if (value is true && s_openedOnlyAtStandstill.Any(pattern => pattern.Matches(actuator.Path)))
        {
            RequireStandstill(actuator.Path, store);
        }
    }

    private void RequireStandstill(string path, SignalStore store)
    {
        var settings = options.Value;
        var limit = settings.OpeningSpeedLimitKmh;
        if (_speed is null || store.GetValue(_speed) is not { } speedValue)
        {
            throw new InterlockException(path, $"cannot open while the vehicle speed is unknown (no value for Vehicle.Speed); allowed only at a known speed up to {limit:0.#} km/h");
        }

        // Simulated time: a stopped clock (TimeScale 0) ages nothing. Without the bus nothing reports the speed
        // cyclically, and the test bench's value stands.
        var age = store.SinceReported(_speed) * settings.TimeScale;
        if (settings.Can.Enabled && settings.SpeedMaxAge > TimeSpan.Zero && (age is null || age > settings.SpeedMaxAge))
        {
            throw new InterlockException(path,
                $"cannot open while the vehicle speed is stale (not reported for {age?.TotalSeconds ?? double.PositiveInfinity:0.##} s, at most {settings.SpeedMaxAge.TotalSeconds:0.##} s allowed)");
        }

        var speedKmh = VssValues.ToDouble(speedValue);
        if (double.IsNaN(speedKmh) || Math.Abs(speedKmh) > limit)
        {
            throw new InterlockException(path,
                $"cannot open while the vehicle is moving (speed {speedKmh:0.#} km/h, allowed up to {limit:0.#} km/h in either direction)");
        }
    }
}
