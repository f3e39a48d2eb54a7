namespace Cockpit.Speech.Audio;

/// <summary>Audio that the speech front end refuses, with the kind of problem and a message that names it.</summary>
public sealed class AudioInputException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AudioInputException(AudioErrorKind kind, string message)
        : base(message) => Kind = kind;

    /// <summary>Creates the exception with the error that caused it.</summary>
    public AudioInputException(AudioErrorKind kind, string message, Exception innerException)
        : base(message, innerException) => Kind = kind;

    /// <summary>What was wrong.</summary>
    public AudioErrorKind Kind { get; }

    /// <summary>
    /// True when a size limit was broken (map to gRPC <c>OUT_OF_RANGE</c>); false for malformed input
    /// (map to <c>INVALID_ARGUMENT</c>).
    /// </summary>
    public bool IsLimitExceeded => Kind is AudioErrorKind.TooLong or AudioErrorKind.ChunkTooLarge;
}
