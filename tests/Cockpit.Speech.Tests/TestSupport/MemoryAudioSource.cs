using Cockpit.Speech.Audio;

namespace Cockpit.Speech.Tests.TestSupport;

/// <summary>16 kHz samples in memory as an audio source, handed out in blocks of a given size.</summary>
internal sealed class MemoryAudioSource(float[] samples, int block = 1_000) : IAudioSource
{
    private int _offset;

    public ValueTask<int> ReadAsync(Memory<float> buffer, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var count = Math.Min(Math.Min(block, buffer.Length), samples.Length - _offset);
        samples.AsSpan(_offset, count).CopyTo(buffer.Span);
        _offset += count;
        return ValueTask.FromResult(count);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
