using Cockpit.Can.Bus;

namespace Cockpit.Can.Logging;

/// <summary>
/// Feeds a candump log into a bus, as <c>canplayer</c> does: frame by frame, optionally keeping the gaps between
/// the log's timestamps.
/// </summary>
public static class CandumpReplayer
{
    /// <summary>Sends every frame of <paramref name="reader"/> on <paramref name="bus"/>.</summary>
    /// <param name="reader">The log.</param>
    /// <param name="bus">Where the frames go; the interface names in the log are ignored.</param>
    /// <param name="keepTiming">Whether to wait between frames as long as the timestamps say; otherwise send at once.</param>
    /// <param name="timeProvider">The clock for the waits; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the replay.</param>
    /// <returns>The number of frames sent.</returns>
    /// <exception cref="CandumpFormatException">A line of the log is malformed; the frames before it were sent.</exception>
    public static async Task<int> ReplayAsync(CandumpReader reader, ICanBus bus, bool keepTiming = false,
        TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(bus);
        var time = timeProvider ?? TimeProvider.System;
        DateTimeOffset? previous = null;
        var count = 0;
        while (reader.TryRead(out var record))
        {
            if (keepTiming && previous is { } last && record.Timestamp > last)
            {
                await Task.Delay(record.Timestamp - last, time, cancellationToken).ConfigureAwait(false);
            }

            previous = record.Timestamp;
            await bus.SendAsync(record.Frame, cancellationToken).ConfigureAwait(false);
            count++;
        }

        return count;
    }
}
