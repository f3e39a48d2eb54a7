namespace Cockpit.Agent.Evaluation;

/// <summary>How one scenario went: passed when <see cref="Failures"/> is empty.</summary>
internal sealed record ScenarioResult(Scenario Scenario, IReadOnlyList<string> Failures, IReadOnlyList<double> TurnLatenciesMs)
{
    public bool Passed => Failures.Count == 0;
}
