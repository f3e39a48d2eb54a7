namespace Cockpit.Agent.Evaluation;

/// <summary>
/// The <c>eval</c> verb: runs a scenario file, prints one line per failed scenario and the summary line
/// <c>N passed, N failed</c>, and writes the JSON report when asked.
/// </summary>
internal sealed class EvalCommand(ScenarioRunner runner, TextWriter output)
{
    /// <summary>Runs every scenario of <paramref name="file"/>; returns 0 when all passed, 1 otherwise.</summary>
    public async Task<int> RunAsync(string file, string? reportPath, CancellationToken cancellationToken)
    {
        var scenarios = ScenarioFileReader.Read(file);
        var results = new List<ScenarioResult>(scenarios.Count);
        foreach (var scenario in scenarios)
        {
            var result = await runner.RunAsync(scenario, cancellationToken);
            results.Add(result);
            if (!result.Passed)
            {
                await output.WriteLineAsync($"FAIL {scenario.Id}: {string.Join("; ", result.Failures)}");
            }
        }

        var report = EvalReport.From(results);
        if (reportPath is not null)
        {
            await File.WriteAllTextAsync(reportPath, report.ToJson(), cancellationToken);
        }

        await output.WriteLineAsync($"{report.Passed} passed, {report.Failed} failed");
        return report.Failed == 0 ? 0 : 1;
    }
}
