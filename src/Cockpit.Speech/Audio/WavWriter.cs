using System.Buffers.Binary;

namespace Cockpit.Speech.Audio;

/// <summary>Writes interleaved samples as a canonical RIFF/WAVE file (tests, fixtures and synthesised replies).</summary>
internal static class WavWriter
{
    /// <summary>Writes <paramref name="interleaved"/> in <paramref name="format"/>; <paramref name="extensible"/> uses WAVE_FORMAT_EXTENSIBLE.</summary>
    public static void Write(Stream stream, PcmFormat format, ReadOnlySpan<float> interleaved, bool extensible = false)
    {
        var isFloat = format.SampleFormat is PcmSampleFormat.Float32 or PcmSampleFormat.Float64;
        var tag = (ushort)(isFloat ? 3 : 1);
        var fmtSize = extensible ? 40 : 16;
        var dataLength = interleaved.Length * format.BytesPerSample;
        var header = new byte[12 + 8 + fmtSize + 8];
        var span = header.AsSpan();
        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], header.Length - 8 + dataLength);
        "WAVE"u8.CopyTo(span[8..]);
        "fmt "u8.CopyTo(span[12..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], fmtSize);
        var fmt = span.Slice(20, fmtSize);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt, extensible ? (ushort)0xFFFE : tag);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt[2..], (ushort)format.Channels);
        BinaryPrimitives.WriteInt32LittleEndian(fmt[4..], format.SampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(fmt[8..], format.SampleRate * format.BlockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt[12..], (ushort)format.BlockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt[14..], (ushort)(format.BytesPerSample * 8));
        if (extensible)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(fmt[16..], 22);
            BinaryPrimitives.WriteUInt16LittleEndian(fmt[18..], (ushort)(format.BytesPerSample * 8));
            BinaryPrimitives.WriteUInt32LittleEndian(fmt[20..], format.Channels == 1 ? 4u : 3u);

            // KSDATAFORMAT_SUBTYPE_PCM / _IEEE_FLOAT: the format tag followed by the fixed GUID tail.
            BinaryPrimitives.WriteUInt16LittleEndian(fmt[24..], tag);
            ReadOnlySpan<byte> tail = [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];
            tail.CopyTo(fmt[26..]);
        }

        "data"u8.CopyTo(span[(20 + fmtSize)..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[(24 + fmtSize)..], dataLength);
        stream.Write(header);
        var data = new byte[dataLength];
        PcmCodec.EncodeMono(interleaved, format.SampleFormat, data);
        stream.Write(data);
    }

    /// <summary>Writes 16 kHz mono 16-bit samples to a file.</summary>
    public static void WriteFile(string path, ReadOnlySpan<float> samples)
    {
        using var file = File.Create(path);
        Write(file, PcmFormat.Speech16k, samples);
    }
}
