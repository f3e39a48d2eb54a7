using System.ComponentModel.DataAnnotations;

namespace Cockpit.Agent.Screen;

/// <summary>
/// Budgets of the GUI agent and of its exploration, bound from the <c>Agent:Screen</c> section:
/// <code>
/// "Screen": { "MaxSteps": 12, "TaskTimeout": "00:00:05", "ExplorationMaxDepth": 4, "ExplorationMaxListRows": 20000 }
/// </code>
/// </summary>
internal sealed class ScreenAgentOptions
{
    /// <summary>The configuration section name, under the agent's.</summary>
    public const string SectionName = "Agent:Screen";

    /// <summary>Actions one task may take before it gives up. Defaults to 12.</summary>
    [Range(1, 100)]
    public int MaxSteps { get; set; } = 12;

    /// <summary>Wall-clock time one task may take. Defaults to 5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan TaskTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many actions from the start a screen may lie for exploration to reach it. Defaults to 4.</summary>
    [Range(1, 10)]
    public int ExplorationMaxDepth { get; set; } = 4;

    /// <summary>Screens exploration stops after. Defaults to 64.</summary>
    [Range(1, 1000)]
    public int ExplorationMaxScreens { get; set; } = 64;

    /// <summary>
    /// Rows of one content list that exploration reads, scrolling page by page; a longer list is searched through its
    /// search field instead, where a name the reading did not reach is not refused. Defaults to 20,000.
    /// </summary>
    [Range(1, 1_000_000)]
    public int ExplorationMaxListRows { get; set; } = 20_000;

    /// <summary>Actions exploration stops after, not counting the scrolls that read content lists. Defaults to 2,000.</summary>
    [Range(1, 100_000)]
    public int ExplorationMaxActions { get; set; } = 2_000;
}
