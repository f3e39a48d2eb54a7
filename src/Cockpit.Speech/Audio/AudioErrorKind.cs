namespace Cockpit.Speech.Audio;

/// <summary>
/// What was wrong with audio handed to the speech front end. <see cref="TooLong"/> and <see cref="ChunkTooLarge"/>
/// break a size limit (gRPC <c>OUT_OF_RANGE</c>); every other kind is malformed input (<c>INVALID_ARGUMENT</c>).
/// </summary>
public enum AudioErrorKind
{
    /// <summary>The RIFF/WAVE header is not one (wrong magic, impossible sizes, missing <c>fmt </c> chunk).</summary>
    CorruptHeader,

    /// <summary>The file ends before the size its header announces.</summary>
    Truncated,

    /// <summary>A well-formed header describes audio this front end does not read (codec, bit depth, channels, rate).</summary>
    UnsupportedFormat,

    /// <summary>The audio, or the utterance in it, is longer than the configured limit.</summary>
    TooLong,

    /// <summary>One streamed chunk is larger than the configured limit, or not a whole number of sample frames.</summary>
    ChunkTooLarge,

    /// <summary>The stream stopped (aborted or broken) before the utterance ended.</summary>
    StreamInterrupted,
}
