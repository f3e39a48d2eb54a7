using Cockpit.Understanding;

namespace Cockpit.Agent.Conversations;

/// <summary>One utterance handed to the agent.</summary>
/// <param name="Text">What was said (typed, or as the recogniser heard it).</param>
/// <param name="Language"><c>zh</c>, <c>en</c>, or null to let the agent decide.</param>
/// <param name="Seat">Who speaks: resolves "my" / "我这边".</param>
/// <param name="ConversationId">Turns with the same id share dialogue state; null starts a new conversation.</param>
internal sealed record TurnRequest(string Text, string? Language, Seat Seat, string? ConversationId)
{
    /// <summary>Set when the utterance arrived as audio.</summary>
    public VoiceInfo? Voice { get; init; }
}
