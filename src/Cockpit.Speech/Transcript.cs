using Cockpit.Speech.Vad;

namespace Cockpit.Speech;

/// <summary>What the occupant said, as the understanding stage receives it.</summary>
public sealed record Transcript
{
    /// <summary>Normalised text (Simplified Chinese, ASCII digits); empty when nothing was said.</summary>
    public required string Text { get; init; }

    /// <summary>The language recognised: <c>zh</c>, <c>en</c>, another Whisper code, or <c>und</c>.</summary>
    public required string Language { get; init; }

    /// <summary>Geometric mean token probability, 0 to 1: low means ask back rather than act.</summary>
    public required float Confidence { get; init; }

    /// <summary>Where speech starts in the audio.</summary>
    public required TimeSpan SpeechStart { get; init; }

    /// <summary>Where speech ends in the audio.</summary>
    public required TimeSpan SpeechEnd { get; init; }

    /// <summary>How much audio was read.</summary>
    public required TimeSpan AudioDuration { get; init; }

    /// <summary>Why the utterance ended; <see cref="UtteranceEndReason.NoSpeech"/> when nothing was said.</summary>
    public required UtteranceEndReason EndReason { get; init; }

    /// <summary>Whisper's text before filtering and normalisation (for the interaction log).</summary>
    public required string RawText { get; init; }

    /// <summary>Where the time went.</summary>
    public required TranscriptTimings Timings { get; init; }

    /// <summary>Whether any speech was found.</summary>
    public bool HasSpeech => EndReason != UtteranceEndReason.NoSpeech;
}
