using Cockpit.Agent.Interactions;

namespace Cockpit.Agent.Uplink;

/// <summary>
/// The wait after a failed export: exponential from <see cref="UplinkOptions.RetryBackoffMin"/>, doubling per
/// consecutive failure up to <see cref="UplinkOptions.RetryBackoffMax"/>, with "equal jitter" (half fixed, half
/// random) so that a fleet of cars coming back online does not retry in step. A backend's <c>Retry-After</c> is
/// honoured up to the maximum.
/// </summary>
internal static class UplinkBackoff
{
    /// <param name="failures">Consecutive failures so far, at least 1.</param>
    /// <param name="min">The first wait.</param>
    /// <param name="max">The longest wait.</param>
    /// <param name="random">A uniform number in [0, 1).</param>
    /// <param name="retryAfter">The backend's own wait, if it gave one.</param>
    public static TimeSpan Delay(int failures, TimeSpan min, TimeSpan max, double random, TimeSpan? retryAfter = null)
    {
        var exponent = Math.Clamp(failures - 1, 0, 30);
        var ceiling = Math.Min(max.Ticks, min.Ticks * Math.Pow(2, exponent));
        var delay = TimeSpan.FromTicks((long)((ceiling / 2) + (ceiling / 2 * random)));
        if (delay < min)
        {
            delay = min;
        }

        if (retryAfter is { } wait && wait > delay)
        {
            delay = wait;
        }

        return delay > max ? max : delay;
    }
}
