using Cockpit.Understanding.Resolution;

namespace Cockpit.Benchmarks.Screen;

/// <summary>One generated screen task: where it starts, what is said, what must hold after, and the fewest actions that get there.</summary>
/// <param name="Language">zh or en.</param>
/// <param name="Utterance">What is said.</param>
/// <param name="Task">The task as the resolver hands it over.</param>
/// <param name="Given">HMI state keys set by Reset before the task.</param>
/// <param name="ExpectKey">The state key checked after.</param>
/// <param name="Expected">Accepted values of that key.</param>
/// <param name="ShortestSteps">The fewest actions that reach the goal, from the screen file.</param>
public sealed record GeneratedScreenTask(
    string Language, string Utterance, ScreenTask Task, IReadOnlyDictionary<string, object> Given, string ExpectKey, IReadOnlyList<object> Expected, int ShortestSteps);
