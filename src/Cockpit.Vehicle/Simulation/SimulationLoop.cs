using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Cockpit.Vehicle.Simulation;

/// <summary>
/// Drives simulated time from the clock: every tick it advances the car by the real time that passed,
/// multiplied by <see cref="VehicleOptions.TimeScale"/>. A time scale of 0 leaves time to <c>Settle</c>.
/// </summary>
internal sealed class SimulationLoop(SimulatedVehicle vehicle, TimeProvider time, IOptions<VehicleOptions> options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.TimeScale == 0)
        {
            return;
        }

        var last = time.GetTimestamp();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(settings.TickInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var now = time.GetTimestamp();
            vehicle.Advance(time.GetElapsedTime(last, now) * settings.TimeScale);
            last = now;
        }
    }
}
