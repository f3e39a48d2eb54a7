using BenchmarkDotNet.Attributes;
using Cockpit.Speech;
using Cockpit.Speech.Tests.TestSupport;
using Cockpit.Speech.Vad;

namespace Cockpit.Benchmarks.Speech;

/// <summary>
/// End of speech: the setup measures, on 18 espeak-ng clips at 20 dB SNR, how long after the true last sound the
/// endpointer decides the utterance is over (audio time, default 600 ms trailing silence; aim ≤ 700 ms) and prints
/// it; the benchmark times the whole detection pass over a 4–6 s clip (wall time), against reading the audio alone.
/// </summary>
[MemoryDiagnoser]
public class EndOfSpeechBenchmark
{
    private static readonly int[] s_rates = [130, 175, 220];

    private SileroVadModel _model = null!;
    private UtteranceDetector _detector = null!;
    private float[] _clip = null!;

    [GlobalSetup]
    public void Setup()
    {
        _model = SileroVadModel.Load(null);
        _detector = new UtteranceDetector(_model, EndpointerSettings.From(new SpeechOptions()));
        foreach (var (snr, pink, label) in new (double?, bool, string)[] { (null, false, "clean"), (20, false, "white 20 dB"), (15, true, "pink 15 dB"), (10, true, "pink 10 dB") })
        {
            var delays = new List<double>();
            var startErrors = new List<double>();
            var endErrors = new List<double>();
            foreach (var (language, text) in SpeechClips.Sentences)
            {
                foreach (var rate in s_rates)
                {
                    var clip = SpeechClips.Make(language, text, rate, pitch: 50, snr, pink, seed: delays.Count);
                    var (start, end) = (clip.SpeechStart.TotalSeconds, clip.SpeechEnd.TotalSeconds);
                    var utterance = _detector.DetectAsync(Source(clip.Samples), CancellationToken.None).GetAwaiter().GetResult();
                    delays.Add((utterance.EndDetectedAt.TotalSeconds - end) * 1000);
                    startErrors.Add(Math.Abs(utterance.SpeechStart.TotalSeconds - start) * 1000);
                    endErrors.Add(Math.Abs(utterance.SpeechEnd.TotalSeconds - end) * 1000);
                }
            }

            delays.Sort();
            System.Console.WriteLine($"// {label}, {delays.Count} clips: end decided after the last sound min {delays[0]:0} / median {delays[delays.Count / 2]:0} / max {delays[^1]:0} ms; |start error| mean {startErrors.Average():0} max {startErrors.Max():0} ms; |end error| mean {endErrors.Average():0} max {endErrors.Max():0} ms");
        }
        _clip = SpeechClips.Make("en", "set the driver temperature to twenty two degrees", 175, pitch: 50, snrDb: 20, seed: 99).Samples;
    }

    [GlobalCleanup]
    public void Cleanup() => _model.Dispose();

    [Benchmark(Baseline = true, Description = "read audio only")]
    public async Task<int> ReadOnly()
    {
        var source = Source(_clip);
        var buffer = new float[512];
        var total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, CancellationToken.None)) > 0)
        {
            total += read;
        }

        return total;
    }

    [Benchmark(Description = "VAD + endpointing")]
    public Task<Utterance> Detect() => _detector.DetectAsync(Source(_clip), CancellationToken.None);

    // The whole clip per read, as a file source hands it over.
    private static MemoryAudioSource Source(float[] samples) => new(samples, int.MaxValue);
}
