namespace Cockpit.Speech.Vad;

/// <summary>One utterance found by the VAD: its audio (with pre-roll and tail padding) and where it lies in the source.</summary>
public sealed class Utterance
{
    /// <summary>Creates an utterance.</summary>
    public Utterance(ReadOnlyMemory<float> samples, TimeSpan speechStart, TimeSpan speechEnd, TimeSpan audioDuration, TimeSpan endDetectedAt, UtteranceEndReason endReason)
    {
        Samples = samples;
        SpeechStart = speechStart;
        SpeechEnd = speechEnd;
        AudioDuration = audioDuration;
        EndDetectedAt = endDetectedAt;
        EndReason = endReason;
    }

    /// <summary>16 kHz mono samples from the pre-roll before the speech to the tail padding after it; empty without speech.</summary>
    public ReadOnlyMemory<float> Samples { get; }

    /// <summary>Where speech starts, from the start of the source.</summary>
    public TimeSpan SpeechStart { get; }

    /// <summary>Where speech ends, from the start of the source.</summary>
    public TimeSpan SpeechEnd { get; }

    /// <summary>How much audio was read from the source.</summary>
    public TimeSpan AudioDuration { get; }

    /// <summary>The position in the source at which the end was decided (<see cref="SpeechEnd"/> plus the endpointing delay).</summary>
    public TimeSpan EndDetectedAt { get; }

    /// <summary>Why the utterance ended; <see cref="UtteranceEndReason.NoSpeech"/> when nothing was said.</summary>
    public UtteranceEndReason EndReason { get; }

    /// <summary>Whether any speech was found.</summary>
    public bool HasSpeech => EndReason != UtteranceEndReason.NoSpeech;
}
