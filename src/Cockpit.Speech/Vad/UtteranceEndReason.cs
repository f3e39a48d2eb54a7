namespace Cockpit.Speech.Vad;

/// <summary>Why an utterance ended.</summary>
public enum UtteranceEndReason
{
    /// <summary>No speech was found.</summary>
    NoSpeech,

    /// <summary>The configured trailing silence followed the speech.</summary>
    TrailingSilence,

    /// <summary>The utterance reached the maximum length and was cut.</summary>
    MaxLength,

    /// <summary>The audio ended (end of file, push-to-talk released, stream completed).</summary>
    EndOfAudio,
}
