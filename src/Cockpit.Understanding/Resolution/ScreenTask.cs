namespace Cockpit.Understanding.Resolution;

/// <summary>A task for the screen (GUI) agent rather than the vehicle.</summary>
/// <param name="Function">The catalog screen function, e.g. <c>screen.navigate</c>.</param>
/// <param name="Operation">The operation, or null for text-only tasks.</param>
/// <param name="Value">An enum value (<c>navigation</c>) or <c>true</c>/<c>false</c> for switches, or null.</param>
/// <param name="Text">Free-text arguments by slot (<c>query</c>, <c>place</c>, <c>contact</c>, <c>target</c>).</param>
public sealed record ScreenTask(string Function, string? Operation, string? Value, IReadOnlyDictionary<string, TextSpan> Text);
