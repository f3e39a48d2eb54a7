namespace Cockpit.Can.Codec;

/// <summary>A value or frame that cannot be encoded or decoded; the message names the message and signal.</summary>
public sealed class CanCodecException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong, naming message and signal.</param>
    public CanCodecException(string message)
        : base(message)
    {
    }
}
