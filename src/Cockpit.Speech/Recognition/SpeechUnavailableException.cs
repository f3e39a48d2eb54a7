namespace Cockpit.Speech.Recognition;

/// <summary>
/// Recognition cannot run because the model is missing or refused; the message reads
/// <c>speech unavailable: &lt;path&gt;: &lt;reason&gt;</c> (gRPC <c>FAILED_PRECONDITION</c>).
/// </summary>
public sealed class SpeechUnavailableException : Exception
{
    /// <summary>Creates the exception with the health message.</summary>
    public SpeechUnavailableException(string message)
        : base(message)
    {
    }
}
