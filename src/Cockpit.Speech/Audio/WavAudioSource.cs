namespace Cockpit.Speech.Audio;

/// <summary>
/// A WAV file or stream as an <see cref="IAudioSource"/>: PCM 8/16/24/32-bit or IEEE float, any sample rate from 1 kHz
/// to 384 kHz, 1 to 8 channels, converted to 16 kHz mono while it is read.
/// </summary>
public sealed class WavAudioSource : IAudioSource
{
    private const int ReadBlock = 16 * 1024;
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly PcmStreamConverter _converter;
    private readonly byte[] _block;
    private long? _remaining;
    private bool _completed;

    private WavAudioSource(Stream stream, bool leaveOpen, WavHeader header, TimeSpan maxDuration)
    {
        _stream = stream;
        _leaveOpen = leaveOpen;
        Header = header;
        _remaining = header.DataLength;
        _converter = new PcmStreamConverter(header.Format, maxDuration);
        _block = new byte[ReadBlock / header.Format.BlockAlign * header.Format.BlockAlign];
    }

    /// <summary>What the file's header says.</summary>
    public WavHeader Header { get; }

    /// <summary>
    /// Reads the header of <paramref name="stream"/> and returns a source positioned on its samples. Audio longer than
    /// <paramref name="maxDuration"/> is refused, from the header when it says so and otherwise while reading.
    /// </summary>
    /// <exception cref="AudioInputException">Corrupt, truncated, unsupported or too long.</exception>
    public static async Task<WavAudioSource> OpenAsync(Stream stream, TimeSpan maxDuration, bool leaveOpen = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            var header = await WavHeaderReader.ReadAsync(stream, cancellationToken).ConfigureAwait(false);
            if (header.Duration > maxDuration)
            {
                throw new AudioInputException(
                    AudioErrorKind.TooLong,
                    $"audio is {header.Duration.Value.TotalSeconds:0.###} s, longer than the limit of {maxDuration.TotalSeconds:0.###} s");
            }

            return new WavAudioSource(stream, leaveOpen, header, maxDuration);
        }
        catch when (!leaveOpen)
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Opens the WAV file at <paramref name="path"/>.</summary>
    /// <exception cref="AudioInputException">Corrupt, truncated, unsupported or too long.</exception>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    public static Task<WavAudioSource> OpenAsync(string path, TimeSpan maxDuration, CancellationToken cancellationToken = default) =>
        OpenAsync(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: true), maxDuration, false, cancellationToken);

    /// <inheritdoc />
    public async ValueTask<int> ReadAsync(Memory<float> buffer, CancellationToken cancellationToken)
    {
        while (_converter.Pending == 0 && !_completed)
        {
            var want = _remaining is { } left ? (int)Math.Min(left, _block.Length) : _block.Length;
            var read = want == 0 ? 0 : await _stream.ReadAsync(_block.AsMemory(0, want), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                if (_remaining > 0)
                {
                    throw new AudioInputException(
                        AudioErrorKind.Truncated, $"WAV data truncated: {_remaining} bytes announced by the header are missing");
                }

                _converter.Complete();
                _completed = true;
                break;
            }

            _remaining -= read;
            _converter.Write(_block.AsSpan(0, read));
        }

        return _converter.Read(buffer.Span);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _leaveOpen ? ValueTask.CompletedTask : _stream.DisposeAsync();
}
