namespace Cockpit.Benchmarks.Screen;

/// <summary>What one evaluation of the GUI agent measured.</summary>
/// <param name="Tasks">Tasks run.</param>
/// <param name="Succeeded">Tasks whose goal held afterwards.</param>
/// <param name="SuccessRate">Succeeded / tasks.</param>
/// <param name="StepRatio">Steps taken / shortest steps, over the tasks that succeeded.</param>
/// <param name="MsPerStepP50">Median of each task's agent time divided by its steps.</param>
/// <param name="MsPerStepP95">95th percentile of the same.</param>
/// <param name="MsPerStepMax">Largest of the same.</param>
/// <param name="SuccessByLanguage">Success rate per language.</param>
public sealed record ScreenAgentFigures(
    int Tasks, int Succeeded, double SuccessRate, double StepRatio, double MsPerStepP50, double MsPerStepP95, double MsPerStepMax,
    IReadOnlyDictionary<string, double> SuccessByLanguage)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"GUI agent: {Succeeded}/{Tasks} succeeded ({SuccessRate:P1}; {string.Join(", ", SuccessByLanguage.Select(p => $"{p.Key} {p.Value:P1}"))}), " +
        $"steps {StepRatio:0.000}x shortest, ms/step p50 {MsPerStepP50:0.00} p95 {MsPerStepP95:0.00} max {MsPerStepMax:0.00}";
}
