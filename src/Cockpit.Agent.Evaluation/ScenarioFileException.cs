namespace Cockpit.Agent.Evaluation;

/// <summary>A scenario file that does not follow SCENARIOS.md; the message names the file, the line and the problem.</summary>
internal sealed class ScenarioFileException(string file, int line, string problem)
    : Exception($"{file}:{line}: {problem}")
{
    public string File { get; } = file;

    public int Line { get; } = line;
}
