using Cockpit.Speech.Audio;
using Cockpit.Speech.Tests.TestSupport;

namespace Cockpit.Speech.Tests.Audio;

public sealed class PushAudioSourceTests
{
    private static byte[] Pcm16(float[] samples)
    {
        var bytes = new byte[samples.Length * 2];
        PcmCodec.EncodeMono(samples, PcmSampleFormat.Int16, bytes);
        return bytes;
    }

    private static async Task<float[]> ReadAllAsync(IAudioSource source)
    {
        var all = new List<float>();
        var buffer = new float[512];
        int read;
        while ((read = await source.ReadAsync(buffer, CancellationToken.None)) > 0)
        {
            all.AddRange(buffer.AsSpan(0, read));
        }

        return [.. all];
    }

    [Fact]
    public async Task ReadAsync_ChunksSplitInsideSamples_ReassemblesTheAudio()
    {
        var samples = Signals.Sine(300, 0.2, 16_000);
        var bytes = Pcm16(samples);
        await using var source = new PushAudioSource(PcmFormat.Speech16k, 4096, TimeSpan.FromSeconds(10));

        var reader = ReadAllAsync(source);
        for (var offset = 0; offset < bytes.Length; offset += 333)
        {
            source.Write(bytes.AsSpan(offset, Math.Min(333, bytes.Length - offset)));
        }

        source.Complete();
        var read = await reader;

        Assert.Equal(samples.Length, read.Length);
        Assert.All(samples.Zip(read), pair => Assert.InRange(pair.Second - pair.First, -1e-4, 1e-4));
    }

    [Fact]
    public async Task Write_ChunkOverLimit_ThrowsChunkTooLargeToWriterAndReader()
    {
        await using var source = new PushAudioSource(PcmFormat.Speech16k, 1024, TimeSpan.FromSeconds(10));

        var writerError = Assert.Throws<AudioInputException>(() => source.Write(new byte[1026]));
        var readerError = await Assert.ThrowsAsync<AudioInputException>(() => ReadAllAsync(source));

        Assert.Equal(AudioErrorKind.ChunkTooLarge, writerError.Kind);
        Assert.Equal(AudioErrorKind.ChunkTooLarge, readerError.Kind);
        Assert.True(writerError.IsLimitExceeded);
        Assert.Contains("1026 bytes", writerError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_PastDurationLimit_ThrowsTooLong()
    {
        await using var source = new PushAudioSource(PcmFormat.Speech16k, 64 * 1024, TimeSpan.FromSeconds(1));
        source.Write(new byte[32_000]);

        var error = Assert.Throws<AudioInputException>(() => source.Write(new byte[2]));

        Assert.Equal(AudioErrorKind.TooLong, error.Kind);
    }

    [Fact]
    public async Task ReadAsync_ProducerAborts_ThrowsStreamInterrupted()
    {
        await using var source = new PushAudioSource(PcmFormat.Speech16k, 4096, TimeSpan.FromSeconds(10));
        source.Write(new byte[1000]);

        source.Abort("client disconnected");
        var error = await Assert.ThrowsAsync<AudioInputException>(() => ReadAllAsync(source));

        Assert.Equal(AudioErrorKind.StreamInterrupted, error.Kind);
        Assert.Contains("client disconnected", error.Message, StringComparison.Ordinal);
        Assert.False(error.IsLimitExceeded);
    }

    [Fact]
    public async Task ReadAsync_NothingArrives_HonoursCancellation()
    {
        await using var source = new PushAudioSource(PcmFormat.Speech16k, 4096, TimeSpan.FromSeconds(10));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await source.ReadAsync(new float[10], timeout.Token));
    }

    [Fact]
    public async Task ReadAsync_Stereo48kFloat_ConvertsTo16kMono()
    {
        var format = new PcmFormat(48_000, 2, PcmSampleFormat.Float32);
        var tone = Signals.Sine(500, 1.0, 48_000).SelectMany(x => new[] { x, x }).ToArray();
        var bytes = new byte[tone.Length * 4];
        PcmCodec.EncodeMono(tone, PcmSampleFormat.Float32, bytes);
        await using var source = new PushAudioSource(format, 1 << 20, TimeSpan.FromSeconds(10));

        source.Write(bytes);
        source.Complete();
        var read = await ReadAllAsync(source);

        Assert.InRange(read.Length, 15_999, 16_001);
    }
}
