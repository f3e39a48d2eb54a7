namespace Cockpit.Speech.Recognition;

/// <summary>A Whisper model file that cannot be used, with its path and the reason.</summary>
public sealed class SpeechModelException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SpeechModelException(string path, string reason, Exception? innerException = null)
        : base($"{path}: {reason}", innerException)
    {
        ModelPath = path;
        Reason = reason;
    }

    /// <summary>The model file.</summary>
    public string ModelPath { get; }

    /// <summary>What is wrong with it.</summary>
    public string Reason { get; }
}
