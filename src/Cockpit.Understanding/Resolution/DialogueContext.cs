namespace Cockpit.Understanding.Resolution;

/// <summary>What the last turn acted on, so a follow-up ("a bit warmer", "close it too", "再高一点") can refer to it.
/// The agent keeps one per conversation and decides when it expires.</summary>
/// <param name="Function">The last vehicle function acted on.</param>
/// <param name="Seats">The seat ids it was applied to (empty for functions without zones).</param>
/// <param name="Operation">The last operation.</param>
public sealed record DialogueContext(string Function, IReadOnlyList<string> Seats, string? Operation);
