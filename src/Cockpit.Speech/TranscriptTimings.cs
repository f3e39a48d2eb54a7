namespace Cockpit.Speech;

/// <summary>Where the time of one transcription went (wall clock).</summary>
/// <param name="Endpointing">Reading the audio through the VAD until the end of the utterance was decided.</param>
/// <param name="Recognition">Whisper, from handing over the utterance to the text.</param>
/// <param name="Total">The whole call.</param>
public sealed record TranscriptTimings(TimeSpan Endpointing, TimeSpan Recognition, TimeSpan Total);
