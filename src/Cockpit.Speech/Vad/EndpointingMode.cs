namespace Cockpit.Speech.Vad;

/// <summary>How the end of an utterance is decided.</summary>
public enum EndpointingMode
{
    /// <summary>Always listening: speech starts when the VAD hears it and ends after the trailing silence.</summary>
    Continuous,

    /// <summary>
    /// The button decides: the audio source's start is the press and its end (<see cref="Audio.PushAudioSource.Complete"/>)
    /// the release; the VAD only trims silence and reports whether anything was said.
    /// </summary>
    PushToTalk,
}
