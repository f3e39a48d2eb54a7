namespace Cockpit.Speech.Audio;

/// <summary>
/// A source of audio for the speech front end: a WAV file, a pushed PCM stream or live capture. Every source
/// hands out 16 kHz mono float samples in [-1, 1], whatever its own format.
/// </summary>
public interface IAudioSource : IAsyncDisposable
{
    /// <summary>The sample rate of what <see cref="ReadAsync"/> returns: always 16000.</summary>
    public const int SampleRate = 16_000;

    /// <summary>
    /// Reads the next 16 kHz mono samples into <paramref name="buffer"/>. Returns how many were written; 0 means the
    /// audio has ended normally (end of file, push-to-talk released, stream completed).
    /// </summary>
    /// <exception cref="AudioInputException">The audio is malformed, too long, or the stream broke off.</exception>
    ValueTask<int> ReadAsync(Memory<float> buffer, CancellationToken cancellationToken);
}
