namespace Cockpit.Speech.Audio;

/// <summary>What a RIFF/WAVE header says: the PCM layout and where the samples are.</summary>
/// <param name="Format">The PCM layout of the <c>data</c> chunk.</param>
/// <param name="DataLength">Bytes in the <c>data</c> chunk; null when the writer left it open (0xFFFFFFFF).</param>
public sealed record WavHeader(PcmFormat Format, long? DataLength)
{
    /// <summary>The duration the header announces, when it announces one.</summary>
    public TimeSpan? Duration => DataLength is { } length
        ? TimeSpan.FromSeconds((double)(length / Format.BlockAlign) / Format.SampleRate)
        : null;
}
