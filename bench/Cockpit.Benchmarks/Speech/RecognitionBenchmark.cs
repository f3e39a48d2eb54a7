using BenchmarkDotNet.Attributes;
using Cockpit.Speech;
using Cockpit.Speech.Recognition;
using Cockpit.Speech.Recognition.Ggml;
using Cockpit.Speech.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cockpit.Benchmarks.Speech;

/// <summary>
/// Recognition of one ~3 s utterance with Whisper.net 1.9.1 on the configured model: the tiny random-weight model of
/// the tests unless <c>COCKPIT_WHISPER_MODEL</c> names another ggml file. Real-time factor = mean / audio length
/// (printed by the setup). Two threads, one processor, greedy decoding without temperature fallback.
/// </summary>
[MemoryDiagnoser]
public class RecognitionBenchmark
{
    private WhisperRecognizer _recognizer = null!;
    private float[] _utterance = null!;
    private string? _written;

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var path = Environment.GetEnvironmentVariable("COCKPIT_WHISPER_MODEL");
        if (string.IsNullOrEmpty(path))
        {
            _written = Path.Combine(Path.GetTempPath(), $"cockpit-bench-tiny-{Environment.ProcessId}.bin");
            GgmlWhisperModelWriter.WriteRandom(_written, GgmlWhisperModelWriter.TinyHyperParameters(), GgmlWhisperModelWriter.ByteVocabulary("打开", "天窗"), seed: 7);
            path = _written;
        }

        _recognizer = WhisperRecognizer.Load(path, new SpeechOptions { Threads = Threads, ProcessorPoolSize = 1 }, NullLogger.Instance);
        var samples = SpeechClips.Make("zh", "主驾温度调到二十二度", 175, pitch: 50, snrDb: 20, seed: 5).Samples;
        _utterance = samples[12_000..^20_000];
        System.Console.WriteLine($"// Utterance {_utterance.Length / 16_000.0:0.00} s; model {path}, window {_recognizer.Model.HyperParameters.Window.TotalSeconds} s");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _recognizer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        if (_written is not null)
        {
            File.Delete(_written);
        }
    }

    [Benchmark(Description = "recognise utterance")]
    public async Task<string> Recognize() => (await _recognizer.RecognizeAsync(_utterance, "zh", "主驾, 温度", CancellationToken.None)).RawText;
}
