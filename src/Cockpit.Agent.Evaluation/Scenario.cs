using System.Text.Json;
using Cockpit.Understanding;

namespace Cockpit.Agent.Evaluation;

/// <summary>One scenario of a scenario file (shared/eval/SCENARIOS.md): the car's state before, and turns to check.</summary>
internal sealed record Scenario(string Id, string Language, Seat Seat, IReadOnlyDictionary<string, JsonElement> Given, IReadOnlyList<ScenarioTurn> Turns, int Line);

/// <summary>One turn: what is said (text, or a WAV file) and what must hold afterwards.</summary>
/// <param name="Text">The utterance, or null when <paramref name="AudioPath"/> is given.</param>
/// <param name="AudioPath">Full path of a 16 kHz mono WAV file, or null.</param>
/// <param name="Expect">VSS path → expected value, range or change.</param>
/// <param name="ExpectHmi">HMI state key → expected value.</param>
/// <param name="Outcome">done, refused, not_understood, clarify or answered.</param>
/// <param name="ExpectReply">Strings of which at least one must occur in the reply (case-insensitive); empty: not checked.</param>
internal sealed record ScenarioTurn(
    string? Text,
    string? AudioPath,
    IReadOnlyDictionary<string, JsonElement> Expect,
    IReadOnlyDictionary<string, JsonElement> ExpectHmi,
    string Outcome,
    IReadOnlyList<string> ExpectReply);
