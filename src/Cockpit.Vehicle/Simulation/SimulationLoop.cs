using Microsoft.Extensions.Options;

namespace Cockpit.Vehicle.Simulation;

/// <summary>
/// Drives simulated time from the clock: every tick it advances the car by the time that passed on the
/// injected <see cref="TimeProvider"/>, multiplied by <see cref="VehicleOptions.TimeScale"/>. A time scale
/// of 0 leaves time to <c>Settle</c>.
/// </summary>
internal sealed class SimulationLoop(SimulatedVehicle vehicle, TimeProvider time, IOptions<VehicleOptions> options) : BackgroundService
{
    private PeriodicTimer? _timer;
    private long _last;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // The clock starts here, not in ExecuteAsync: since .NET 10 the host runs ExecuteAsync on the
        // thread pool, and simulated time must count from the host's start whenever that runs, so a
        // FakeTimeProvider advanced right after start moves the car by exactly that much.
        var settings = options.Value;
        if (settings.TimeScale > 0)
        {
            _last = time.GetTimestamp();
            _timer = new PeriodicTimer(settings.TickInterval, time);
        }

        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_timer is null)
        {
            return;
        }

        var scale = options.Value.TimeScale;
        try
        {
            while (await _timer.WaitForNextTickAsync(stoppingToken))
            {
                // Elapsed time comes from timestamps, not from counting ticks, so late or merged ticks lose nothing.
                var now = time.GetTimestamp();
                vehicle.Advance(time.GetElapsedTime(_last, now) * scale);
                _last = now;
            }
        }
        catch (OperationCanceledException)
        {
            // the host is stopping
        }
    }

    public override void Dispose()
    {
        _timer?.Dispose();
        base.Dispose();
    }
}
