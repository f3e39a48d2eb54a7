namespace Cockpit.Speech.Recognition;

/// <summary>The recogniser's answer for one utterance.</summary>
/// <param name="Text">Normalised text of the kept segments.</param>
/// <param name="RawText">Whisper's text before filtering and normalisation.</param>
/// <param name="Language">The language decoded (<c>zh</c>, <c>en</c>, …).</param>
/// <param name="Confidence">Geometric mean token probability of the kept text, 0 to 1.</param>
/// <param name="DroppedSegments">Segments dropped as hallucinations.</param>
internal sealed record RecognitionResult(string Text, string RawText, string Language, float Confidence, int DroppedSegments);
