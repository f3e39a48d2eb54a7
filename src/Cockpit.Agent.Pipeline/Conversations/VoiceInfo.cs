namespace Cockpit.Agent.Conversations;

/// <summary>What the speech front end knew about an utterance that arrived as audio.</summary>
/// <param name="AudioDuration">Length of the audio.</param>
/// <param name="Confidence">The recogniser's confidence, 0..1.</param>
/// <param name="Recognition">Time from the end of speech to the transcript.</param>
internal sealed record VoiceInfo(TimeSpan AudioDuration, float Confidence, TimeSpan Recognition);
