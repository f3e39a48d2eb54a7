using System.Buffers.Binary;

namespace Cockpit.Speech.Audio;

/// <summary>Converts interleaved little-endian PCM bytes to mono float and back.</summary>
internal static class PcmCodec
{
    /// <summary>
    /// Decodes whole frames of <paramref name="pcm"/> into <paramref name="mono"/> (one sample per frame, channels
    /// averaged). Returns the number of frames decoded.
    /// </summary>
    public static int DecodeToMono(ReadOnlySpan<byte> pcm, PcmFormat format, Span<float> mono)
    {
        var frames = Math.Min(pcm.Length / format.BlockAlign, mono.Length);
        var channels = format.Channels;
        var width = format.BytesPerSample;
        var scale = 1f / channels;
        for (var frame = 0; frame < frames; frame++)
        {
            var sum = 0f;
            var offset = frame * format.BlockAlign;
            for (var channel = 0; channel < channels; channel++)
            {
                sum += DecodeSample(pcm.Slice(offset + (channel * width), width), format.SampleFormat);
            }

            mono[frame] = channels == 1 ? sum : sum * scale;
        }

        return frames;
    }

    /// <summary>Decodes one sample to a float in [-1, 1] (floats are passed through unclipped).</summary>
    public static float DecodeSample(ReadOnlySpan<byte> bytes, PcmSampleFormat format) => format switch
    {
        PcmSampleFormat.UInt8 => (bytes[0] - 128) / 128f,
        PcmSampleFormat.Int16 => BinaryPrimitives.ReadInt16LittleEndian(bytes) / 32768f,
        PcmSampleFormat.Int24 => ((bytes[0] | (bytes[1] << 8) | (bytes[2] << 16)) << 8 >> 8) / 8388608f,
        PcmSampleFormat.Int32 => (float)(BinaryPrimitives.ReadInt32LittleEndian(bytes) / 2147483648.0),
        PcmSampleFormat.Float32 => BinaryPrimitives.ReadSingleLittleEndian(bytes),
        PcmSampleFormat.Float64 => (float)BinaryPrimitives.ReadDoubleLittleEndian(bytes),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>Encodes mono samples into <paramref name="pcm"/> with the given sample format, clipping integers.</summary>
    public static void EncodeMono(ReadOnlySpan<float> samples, PcmSampleFormat format, Span<byte> pcm)
    {
        var width = new PcmFormat(16_000, 1, format).BytesPerSample;
        for (var i = 0; i < samples.Length; i++)
        {
            var target = pcm.Slice(i * width, width);
            var x = samples[i];
            switch (format)
            {
                case PcmSampleFormat.UInt8:
                    target[0] = (byte)(Quantize(x, 128) + 128);
                    break;
                case PcmSampleFormat.Int16:
                    BinaryPrimitives.WriteInt16LittleEndian(target, (short)Quantize(x, 32768));
                    break;
                case PcmSampleFormat.Int24:
                    var v = (int)Quantize(x, 8388608);
                    target[0] = (byte)v;
                    target[1] = (byte)(v >> 8);
                    target[2] = (byte)(v >> 16);
                    break;
                case PcmSampleFormat.Int32:
                    BinaryPrimitives.WriteInt32LittleEndian(target, (int)Quantize(x, 2147483648.0));
                    break;
                case PcmSampleFormat.Float32:
                    BinaryPrimitives.WriteSingleLittleEndian(target, x);
                    break;
                default:
                    BinaryPrimitives.WriteDoubleLittleEndian(target, x);
                    break;
            }
        }
    }

    private static long Quantize(float x, double fullScale) =>
        (long)Math.Clamp(Math.Round(x * fullScale), -fullScale, fullScale - 1);
}
