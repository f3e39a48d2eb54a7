namespace Cockpit.Speech.Synthesis;

/// <summary>Text to speech failed: espeak-ng is missing, failed, or wrote unreadable audio.</summary>
public sealed class SpeechSynthesisException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SpeechSynthesisException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
