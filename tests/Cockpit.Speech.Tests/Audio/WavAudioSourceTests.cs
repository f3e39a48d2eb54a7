using System.Buffers.Binary;
using Cockpit.Speech.Audio;
using Cockpit.Speech.Tests.TestSupport;

namespace Cockpit.Speech.Tests.Audio;

public sealed class WavAudioSourceTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private static async Task<float[]> ReadAllAsync(IAudioSource source)
    {
        var all = new List<float>();
        var buffer = new float[777];
        int read;
        while ((read = await source.ReadAsync(buffer, CancellationToken.None)) > 0)
        {
            all.AddRange(buffer.AsSpan(0, read));
        }

        return [.. all];
    }

    private static byte[] Wav(PcmFormat format, float[] interleaved, bool extensible = false)
    {
        using var stream = new MemoryStream();
        WavWriter.Write(stream, format, interleaved, extensible);
        return stream.ToArray();
    }

    [Theory]
    [InlineData(PcmSampleFormat.UInt8, 1, false, 0.01)]
    [InlineData(PcmSampleFormat.Int16, 1, false, 1e-4)]
    [InlineData(PcmSampleFormat.Int24, 1, false, 1e-6)]
    [InlineData(PcmSampleFormat.Int32, 1, false, 1e-6)]
    [InlineData(PcmSampleFormat.Float32, 1, false, 1e-7)]
    [InlineData(PcmSampleFormat.Float64, 1, false, 1e-7)]
    [InlineData(PcmSampleFormat.Int16, 2, false, 1e-4)]
    [InlineData(PcmSampleFormat.Float32, 2, true, 1e-7)]
    [InlineData(PcmSampleFormat.Int24, 2, true, 1e-6)]
    public async Task ReadAsync_SampleFormatRoundTrip_ReturnsTheSamples(PcmSampleFormat sampleFormat, int channels, bool extensible, double tolerance)
    {
        var mono = Signals.Sine(440, 0.5, 16_000, 0.7f);
        var interleaved = mono.SelectMany(x => Enumerable.Repeat(x, channels)).ToArray();
        var bytes = Wav(new PcmFormat(16_000, channels, sampleFormat), interleaved, extensible);

        await using var source = await WavAudioSource.OpenAsync(new MemoryStream(bytes), Limit);
        var read = await ReadAllAsync(source);

        Assert.Equal(sampleFormat, source.Header.Format.SampleFormat);
        Assert.Equal(mono.Length, read.Length);
        Assert.All(mono.Zip(read), pair => Assert.InRange(pair.Second - pair.First, -tolerance, tolerance));
    }

    [Fact]
    public async Task ReadAsync_StereoChannelsDiffer_AveragesToMono()
    {
        float[] interleaved = [0.5f, -0.5f, 0.25f, 0.75f];

        await using var source = await WavAudioSource.OpenAsync(new MemoryStream(Wav(new PcmFormat(16_000, 2, PcmSampleFormat.Float32), interleaved)), Limit);
        var read = await ReadAllAsync(source);

        Assert.Equal([0f, 0.5f], read);
    }

    [Theory]
    [InlineData(8_000)]
    [InlineData(22_050)]
    [InlineData(44_100)]
    [InlineData(48_000)]
    public async Task ReadAsync_OtherSampleRate_ResamplesTo16k(int rate)
    {
        var tone = Signals.Sine(1_000, 1.0, rate, 0.5f);

        await using var source = await WavAudioSource.OpenAsync(new MemoryStream(Wav(new PcmFormat(rate, 1, PcmSampleFormat.Int16), tone)), Limit);
        var read = await ReadAllAsync(source);

        Assert.InRange(read.Length, 15_999, 16_001);
        var expected = Signals.Sine(1_000, 1.0, 16_000, 0.5f);
        var error = Signals.Rms(read.Zip(expected, (a, b) => a - b).Skip(400).Take(15_000).ToArray());
        Assert.True(error < 0.005, $"error RMS {error}");
    }

    public static TheoryData<string, Func<byte[], byte[]>, AudioErrorKind, string> BadFiles => new()
    {
        { "empty", _ => [], AudioErrorKind.Truncated, "12" },
        { "not RIFF", b => [.. "RIFX"u8.ToArray(), .. b[4..]], AudioErrorKind.CorruptHeader, "RIFF/WAVE" },
        { "RF64", b => [.. "RF64"u8.ToArray(), .. b[4..]], AudioErrorKind.UnsupportedFormat, "RF64" },
        { "MP3 format tag", b => Patch16(b, 20, 0x55), AudioErrorKind.UnsupportedFormat, "0x0055" },
        { "12-bit PCM", b => Patch16(Patch16(b, 34, 12), 32, 2), AudioErrorKind.UnsupportedFormat, "12 bits" },
        { "block align wrong", b => Patch16(b, 32, 3), AudioErrorKind.CorruptHeader, "block align" },
        { "zero channels", b => Patch16(b, 22, 0), AudioErrorKind.CorruptHeader, "0 channels" },
        { "9 channels", b => Patch16(Patch16(b, 22, 9), 32, 18), AudioErrorKind.UnsupportedFormat, "channel count 9" },
        { "sample rate 100 Hz", b => Patch32(b, 24, 100), AudioErrorKind.UnsupportedFormat, "sample rate 100" },
        { "fmt chunk size 2", b => Patch32(b, 16, 2), AudioErrorKind.CorruptHeader, "impossible size" },
        { "header cut in fmt", b => b[..30], AudioErrorKind.Truncated, "'fmt ' chunk truncated" },
        { "no data chunk", b => b[..36], AudioErrorKind.Truncated, "before its 'data' chunk" },
        { "data cut short", b => b[..(b.Length - 100)], AudioErrorKind.Truncated, "announces 3200 bytes" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task OpenAsync_BadFile_ThrowsTypedErrorNamingTheProblem(string name, Func<byte[], byte[]> corrupt, AudioErrorKind kind, string message)
    {
        var good = Wav(PcmFormat.Speech16k, Signals.Sine(440, 0.1, 16_000));
        var bytes = corrupt(good);

        var error = await Assert.ThrowsAsync<AudioInputException>(async () =>
        {
            await using var source = await WavAudioSource.OpenAsync(new MemoryStream(bytes), Limit);
            await ReadAllAsync(source);
        });

        Assert.True(error.Kind == kind, $"{name}: {error.Kind} {error.Message}");
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.False(error.IsLimitExceeded);
    }

    [Fact]
    public async Task OpenAsync_NonSeekableStreamCutShort_ThrowsTruncatedWhileReading()
    {
        var good = Wav(PcmFormat.Speech16k, Signals.Sine(440, 0.5, 16_000));
        using var pipe = new NonSeekableStream(good[..(good.Length - 1000)]);

        var error = await Assert.ThrowsAsync<AudioInputException>(async () =>
        {
            await using var source = await WavAudioSource.OpenAsync(pipe, Limit, leaveOpen: true);
            await ReadAllAsync(source);
        });

        Assert.Equal(AudioErrorKind.Truncated, error.Kind);
        Assert.Contains("1000 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_LongerThanLimit_ThrowsTooLongFromTheHeader()
    {
        var bytes = Wav(PcmFormat.Speech16k, Signals.Silence(3));

        var error = await Assert.ThrowsAsync<AudioInputException>(() => WavAudioSource.OpenAsync(new MemoryStream(bytes), TimeSpan.FromSeconds(2)));

        Assert.Equal(AudioErrorKind.TooLong, error.Kind);
        Assert.True(error.IsLimitExceeded);
        Assert.Contains("limit of 2 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_OpenLengthLongerThanLimit_ThrowsTooLongWhileReading()
    {
        var bytes = Patch32(Wav(PcmFormat.Speech16k, Signals.Silence(3)), 40, unchecked((int)0xFFFFFFFF));

        var error = await Assert.ThrowsAsync<AudioInputException>(async () =>
        {
            await using var source = await WavAudioSource.OpenAsync(new MemoryStream(bytes), TimeSpan.FromSeconds(2));
            await ReadAllAsync(source);
        });

        Assert.Equal(AudioErrorKind.TooLong, error.Kind);
    }

    [Fact]
    public async Task OpenAsync_ExtraChunksBeforeData_AreSkipped()
    {
        var good = Wav(PcmFormat.Speech16k, Signals.Sine(440, 0.1, 16_000));
        byte[] list = [.. "LIST"u8.ToArray(), 3, 0, 0, 0, 1, 2, 3, 0];
        var bytes = good[..36].Concat(list).Concat(good[36..]).ToArray();

        await using var source = await WavAudioSource.OpenAsync(new MemoryStream(bytes), Limit);

        Assert.Equal(1_600, (await ReadAllAsync(source)).Length);
    }

    private static byte[] Patch16(byte[] bytes, int offset, int value)
    {
        var copy = bytes.ToArray();
        BinaryPrimitives.WriteUInt16LittleEndian(copy.AsSpan(offset), (ushort)value);
        return copy;
    }

    private static byte[] Patch32(byte[] bytes, int offset, int value)
    {
        var copy = bytes.ToArray();
        BinaryPrimitives.WriteInt32LittleEndian(copy.AsSpan(offset), value);
        return copy;
    }

    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
