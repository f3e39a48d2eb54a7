using System.Buffers.Binary;

namespace Cockpit.Speech.Audio;

/// <summary>
/// Reads a RIFF/WAVE header up to the first byte of the <c>data</c> chunk. Accepts PCM (tag 1: 8, 16, 24, 32 bit),
/// IEEE float (tag 3: 32, 64 bit) and WAVE_FORMAT_EXTENSIBLE (0xFFFE) carrying either; skips any other chunk.
/// </summary>
internal static class WavHeaderReader
{
    private const ushort FormatPcm = 1;
    private const ushort FormatFloat = 3;
    private const ushort FormatExtensible = 0xFFFE;

    // Writers that stream to a pipe cannot seek back to fill in the size: they leave 0xFFFFFFFF, or, like
    // espeak-ng --stdout, 0x7FFFF000. Both mean "until the end of the stream".
    private const uint OpenLength = 0xFFFFFFFF;
    private const uint StreamingLength = 0x7FFFF000;

    /// <summary>Reads the header; the stream is left at the start of the samples.</summary>
    /// <exception cref="AudioInputException">The header is corrupt, truncated or describes an unsupported format.</exception>
    public static async ValueTask<WavHeader> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var head = new byte[12];
        var got = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        if (got < head.Length)
        {
            throw new AudioInputException(AudioErrorKind.Truncated, $"WAV header truncated: {got} bytes, a RIFF header needs 12");
        }

        var riff = System.Text.Encoding.ASCII.GetString(head, 0, 4);
        if (riff == "RF64")
        {
            throw new AudioInputException(AudioErrorKind.UnsupportedFormat, "RF64 (64-bit WAV) is not supported");
        }

        if (riff != "RIFF" || System.Text.Encoding.ASCII.GetString(head, 8, 4) != "WAVE")
        {
            throw new AudioInputException(AudioErrorKind.CorruptHeader, "not a WAV file: no RIFF/WAVE signature");
        }

        PcmFormat? format = null;
        var chunkHeader = new byte[8];
        while (true)
        {
            got = await stream.ReadAtLeastAsync(chunkHeader, 8, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            if (got < 8)
            {
                throw format is null
                    ? new AudioInputException(AudioErrorKind.Truncated, "WAV file ends before its 'fmt ' chunk")
                    : new AudioInputException(AudioErrorKind.Truncated, "WAV file ends before its 'data' chunk");
            }

            var id = System.Text.Encoding.ASCII.GetString(chunkHeader, 0, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(chunkHeader.AsSpan(4));
            if (id == "fmt ")
            {
                format = await ReadFormatAsync(stream, size, cancellationToken).ConfigureAwait(false);
            }
            else if (id == "data")
            {
                if (format is not { } pcm)
                {
                    throw new AudioInputException(AudioErrorKind.CorruptHeader, "WAV 'data' chunk comes before the 'fmt ' chunk");
                }

                long? length = size is OpenLength or StreamingLength ? null : size;
                if (length is { } declared && stream.CanSeek && stream.Length - stream.Position < declared)
                {
                    throw new AudioInputException(
                        AudioErrorKind.Truncated,
                        $"WAV data truncated: the header announces {declared} bytes, the file holds {stream.Length - stream.Position}");
                }

                return new WavHeader(pcm, length);
            }
            else
            {
                await SkipAsync(stream, size + (size & 1), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async ValueTask<PcmFormat> ReadFormatAsync(Stream stream, uint size, CancellationToken cancellationToken)
    {
        if (size is < 16 or > 1024)
        {
            throw new AudioInputException(AudioErrorKind.CorruptHeader, $"WAV 'fmt ' chunk has an impossible size of {size} bytes");
        }

        var body = new byte[size + (size & 1)];
        var got = await stream.ReadAtLeastAsync(body, body.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        if (got < size)
        {
            throw new AudioInputException(AudioErrorKind.Truncated, "WAV 'fmt ' chunk truncated");
        }

        var span = body.AsSpan();
        var tag = BinaryPrimitives.ReadUInt16LittleEndian(span);
        var channels = BinaryPrimitives.ReadUInt16LittleEndian(span[2..]);
        var rate = BinaryPrimitives.ReadInt32LittleEndian(span[4..]);
        var blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(span[12..]);
        var bits = BinaryPrimitives.ReadUInt16LittleEndian(span[14..]);
        if (tag == FormatExtensible)
        {
            if (size < 40)
            {
                throw new AudioInputException(AudioErrorKind.CorruptHeader, "WAVE_FORMAT_EXTENSIBLE 'fmt ' chunk is shorter than 40 bytes");
            }

            // The sub-format GUID starts with the plain format tag.
            tag = BinaryPrimitives.ReadUInt16LittleEndian(span[24..]);
        }

        var sampleFormat = (tag, bits) switch
        {
            (FormatPcm, 8) => PcmSampleFormat.UInt8,
            (FormatPcm, 16) => PcmSampleFormat.Int16,
            (FormatPcm, 24) => PcmSampleFormat.Int24,
            (FormatPcm, 32) => PcmSampleFormat.Int32,
            (FormatFloat, 32) => PcmSampleFormat.Float32,
            (FormatFloat, 64) => PcmSampleFormat.Float64,
            (FormatPcm or FormatFloat, _) => throw new AudioInputException(
                AudioErrorKind.UnsupportedFormat, $"unsupported WAV sample size: {bits} bits for format tag {tag}"),
            _ => throw new AudioInputException(
                AudioErrorKind.UnsupportedFormat, $"unsupported WAV encoding: format tag 0x{tag:X4} (only PCM and IEEE float are read)"),
        };
        var format = new PcmFormat(rate, channels, sampleFormat);
        if (channels == 0 || blockAlign != format.BlockAlign)
        {
            throw new AudioInputException(
                AudioErrorKind.CorruptHeader, $"WAV block align {blockAlign} does not match {channels} channels of {bits} bits");
        }

        format.EnsureSupported();
        return format;
    }

    private static async ValueTask SkipAsync(Stream stream, long count, CancellationToken cancellationToken)
    {
        if (stream.CanSeek)
        {
            if (stream.Length - stream.Position < count)
            {
                throw new AudioInputException(AudioErrorKind.Truncated, "WAV file ends inside a chunk");
            }

            stream.Seek(count, SeekOrigin.Current);
            return;
        }

        var scratch = new byte[Math.Min(count, 8192)];
        while (count > 0)
        {
            var read = await stream.ReadAsync(scratch.AsMemory(0, (int)Math.Min(count, scratch.Length)), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new AudioInputException(AudioErrorKind.Truncated, "WAV file ends inside a chunk");
            }

            count -= read;
        }
    }
}
