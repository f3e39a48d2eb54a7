namespace Cockpit.Training.Training;

/// <summary>
/// Linear warm-up, then cosine decay to 2 % over whichever runs out first, the step budget or the time budget, so a run
/// cut short by time still ends at a low learning rate. Shared by the understanding and the speech trainers.
/// </summary>
internal static class WarmupCosineSchedule
{
    public static double LearningRate(double peak, int step, int warmup, int steps, double elapsedFraction)
    {
        if (step <= warmup)
        {
            return peak * step / warmup;
        }

        var progress = Math.Min(1, Math.Max((double)(step - warmup) / Math.Max(1, steps - warmup), elapsedFraction));
        return peak * (0.02 + (0.98 * 0.5 * (1 + Math.Cos(Math.PI * progress))));
    }
}
