using System.Text;
using Cockpit.Speech.Recognition.Ggml;
using Microsoft.Extensions.Logging;
using Whisper.net;

namespace Cockpit.Speech.Recognition;

/// <summary>
/// Whisper.net over one validated ggml model, loaded once, with a pool of processors. An utterance longer than the
/// model's window is recognised window by window, because whisper.cpp does not look past the first window when it
/// decodes without timestamps.
/// </summary>
internal sealed class WhisperRecognizer : IAsyncDisposable
{
    private const int MinSamples = 16_000;
    private readonly WhisperFactory _factory;
    private readonly SpeechOptions _options;
    private readonly ILogger _logger;
    private readonly WhisperProcessorPool _pool;

    private WhisperRecognizer(WhisperFactory factory, GgmlWhisperModelInfo model, SpeechOptions options, ILogger logger)
    {
        _factory = factory;
        _options = options;
        _logger = logger;
        Model = model;
        _pool = new WhisperProcessorPool(options.ProcessorPoolSize, Build);
    }

    /// <summary>What the validator read from the model file.</summary>
    public GgmlWhisperModelInfo Model { get; }

    /// <summary>Processors built so far.</summary>
    public int ProcessorsBuilt => _pool.Built;

    /// <summary>Validates and loads the model at <paramref name="path"/>.</summary>
    /// <exception cref="SpeechModelException">The model is missing, malformed or cannot be loaded.</exception>
    public static WhisperRecognizer Load(string path, SpeechOptions options, ILogger logger)
    {
        if (options.ModelSha256 is { } expected && File.Exists(path)) // a missing file is the validator's to report
        {
            VerifyHash(path, expected);
        }

        var info = GgmlWhisperModelValidator.Validate(path, options.SuppressBlank);
        try
        {
            return new WhisperRecognizer(WhisperFactory.FromPath(path), info, options, logger);
        }
        catch (Exception error) when (error is WhisperModelLoadException or InvalidOperationException or DllNotFoundException or BadImageFormatException or TypeInitializationException)
        {
            throw new SpeechModelException(path, $"whisper.cpp cannot load it: {error.Message}", error);
        }
    }

    private static void VerifyHash(string path, string expected)
    {
        string actual;
        try
        {
            using var file = File.OpenRead(path);
            actual = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(file));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new SpeechModelException(path, $"cannot read it: {error.Message}", error);
        }

        if (!actual.Equals(expected, StringComparison.OrdinalIgnoreCase))
        {
            throw new SpeechModelException(path, $"SHA-256 is {actual}, Speech:ModelSha256 says {expected.ToLowerInvariant()}");
        }
    }

    /// <summary>Recognises 16 kHz mono <paramref name="samples"/>.</summary>
    /// <param name="samples">The utterance.</param>
    /// <param name="language"><c>zh</c>, <c>en</c> or <c>auto</c>.</param>
    /// <param name="prompt">Initial prompt for contextual biasing, or null.</param>
    /// <param name="cancellationToken">Stops waiting for a processor, and the decoding where whisper.cpp allows.</param>
    public async Task<RecognitionResult> RecognizeAsync(ReadOnlyMemory<float> samples, string language, string? prompt, CancellationToken cancellationToken)
    {
        // An English-only model has no language tokens: asking it for Mandarin or detection makes no sense.
        var effective = Model.HyperParameters.IsMultilingual ? language : "en";
        var key = new WhisperProcessorPool.ProcessorKey(effective, prompt);
        var processor = await _pool.RentAsync(key, cancellationToken).ConfigureAwait(false);
        var healthy = false;
        try
        {
            var kept = new List<RecognizedSegment>();
            var raw = new StringBuilder();
            var dropped = 0;
            var window = (int)(Model.HyperParameters.Window.TotalSeconds * 16_000) - 1_600;
            foreach (var piece in Split(samples, Math.Max(window, MinSamples)))
            {
                await foreach (var segment in processor.ProcessAsync(piece, cancellationToken).ConfigureAwait(false))
                {
                    var recognized = ToSegment(segment, effective);
                    raw.Append(segment.Text);
                    if (HallucinationFilter.IsHallucination(recognized, _options.NoSpeechThreshold, _options.LogProbThreshold))
                    {
                        dropped++;
                        SpeechLog.SegmentDropped(_logger, segment.Text, recognized.NoSpeechProbability, recognized.AverageLogProbability);
                        continue;
                    }

                    kept.Add(recognized);
                }
            }

            healthy = true;
            var text = ChineseTextNormalizer.Normalize(string.Concat(kept.Select(segment => segment.Text)));
            var detected = kept.FirstOrDefault()?.Language ?? (effective == "auto" ? "und" : effective);
            return new RecognitionResult(text, raw.ToString(), detected, HallucinationFilter.Confidence(kept), dropped);
        }
        finally
        {
            await _pool.ReturnAsync(key, processor, healthy).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _pool.DisposeAsync().ConfigureAwait(false);
        _factory.Dispose();
    }

    private WhisperProcessor Build(WhisperProcessorPool.ProcessorKey key)
    {
        // Native parameters in one place, starting from whisper.cpp's defaults (whisper_full_default_params).
        var builder = _factory.CreateBuilder()
            .WithThreads(_options.Threads)
            .WithLanguage(key.Language)
            .WithTemperature(0f)
            .WithTemperatureInc(0f)
            .WithNoSpeechThreshold(_options.NoSpeechThreshold)
            .WithProbabilities()
            .WithSingleSegment()
            .WithNoContext();
        if (key.Prompt is not null)
        {
            builder = builder.WithPrompt(key.Prompt);
        }

        if (!_options.SuppressBlank)
        {
            builder = builder.WithoutSuppressBlank();
        }

        return builder.Build();
    }

    private RecognizedSegment ToSegment(SegmentData segment, string language)
    {
        var endOfText = Model.HyperParameters.EndOfText;
        var logProbabilities = (segment.Tokens ?? [])
            .Where(token => token.Id < endOfText)
            .Select(token => (float)Math.Log(Math.Max(token.Probability, 1e-9f)))
            .ToArray();
        var segmentLanguage = string.IsNullOrEmpty(segment.Language) || segment.Language == "auto" ? language : segment.Language;
        return new RecognizedSegment(segment.Text, segmentLanguage, segment.NoSpeechProbability, logProbabilities);
    }

    private static IEnumerable<ReadOnlyMemory<float>> Split(ReadOnlyMemory<float> samples, int window)
    {
        if (samples.Length < MinSamples)
        {
            // whisper.cpp refuses input under 100 ms; pad short utterances with silence to a second.
            var padded = new float[MinSamples];
            samples.Span.CopyTo(padded);
            yield return padded;
            yield break;
        }

        for (var offset = 0; offset < samples.Length; offset += window)
        {
            var length = Math.Min(window, samples.Length - offset);
            if (offset > 0 && length < 1_600)
            {
                yield break;
            }

            yield return samples.Slice(offset, length);
        }
    }
}
