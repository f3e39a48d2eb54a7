using BenchmarkDotNet.Attributes;
using Cockpit.Speech.Tests.TestSupport;
using Cockpit.Speech.Vad;

namespace Cockpit.Benchmarks.Speech;

/// <summary>
/// Cost of one 32 ms frame (512 samples at 16 kHz) through Silero VAD v5 with its recurrent state carried, against
/// the cheapest possible detector (frame energy) as baseline. Aim: ≤ 0.3 ms a frame.
/// </summary>
[MemoryDiagnoser]
public class VadFrameBenchmark
{
    private SileroVadModel _model = null!;
    private SileroVadStream _stream = null!;
    private float[] _audio = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _model = SileroVadModel.Load(null);
        _stream = _model.CreateStream();
        _audio = SpeechClips.Make("en", "set the driver temperature to twenty two degrees", 175, pitch: 50, snrDb: 20, seed: 1).Samples;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _stream.Dispose();
        _model.Dispose();
    }

    [Benchmark(Baseline = true, Description = "frame energy")]
    public float Energy()
    {
        var frame = NextFrame();
        var sum = 0f;
        foreach (var x in frame)
        {
            sum += x * x;
        }

        return sum;
    }

    [Benchmark(Description = "Silero v5 frame")]
    public float Silero() => _stream.Process(NextFrame());

    private ReadOnlySpan<float> NextFrame()
    {
        var frames = _audio.Length / SileroVadModel.FrameSize;
        return _audio.AsSpan(_next++ % frames * SileroVadModel.FrameSize, SileroVadModel.FrameSize);
    }
}
