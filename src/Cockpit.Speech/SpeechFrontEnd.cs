using System.Diagnostics;
using Cockpit.Speech.Audio;
using Cockpit.Speech.Recognition;
using Cockpit.Speech.Synthesis;
using Cockpit.Speech.Vad;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Cockpit.Speech;

/// <summary>
/// The speech front end, the agent's one entry point for voice. The walk:
/// <list type="number">
/// <item><b>audio</b> — an <see cref="IAudioSource"/> (WAV file, pushed PCM, ALSA capture) yields 16 kHz mono float.
/// Bad or oversized audio → <see cref="AudioInputException"/>.</item>
/// <item><b>VAD + endpointing</b> — Silero VAD v5 on 32 ms frames finds the utterance: start with pre-roll, end after
/// the trailing silence (continuous) or at the release (push-to-talk). No speech → a transcript with
/// <see cref="Transcript.HasSpeech"/> false.</item>
/// <item><b>ASR</b> — Whisper.net on the utterance with the caller's vocabulary as initial prompt, hallucinated
/// segments dropped, text normalised, a confidence from the token probabilities. No usable model →
/// <see cref="SpeechUnavailableException"/> ("speech unavailable: &lt;path&gt;: &lt;reason&gt;"), decided at start.</item>
/// </list>
/// Thread-safe: any number of transcriptions may run at once; <see cref="SpeechOptions.ProcessorPoolSize"/> of them
/// recognise at the same time. Spoken replies go through <see cref="SynthesizeAsync"/> when enabled.
/// </summary>
public sealed class SpeechFrontEnd : IAsyncDisposable
{
    private readonly SpeechOptions _options;
    private readonly ILogger _logger;
    private readonly SileroVadModel _vad;
    private readonly WhisperRecognizer? _recognizer;
    private readonly EspeakSynthesizer? _synthesizer;
    private readonly UtteranceDetector _detector;

    /// <summary>Loads the VAD and, when configured and valid, the Whisper model; never throws for a bad Whisper model.</summary>
    public SpeechFrontEnd(IOptions<SpeechOptions> options, ILogger<SpeechFrontEnd>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _vad = SileroVadModel.Load(_options.VadModelPath);
        SpeechLog.VadLoaded(_logger, _vad.Source);
        _detector = new UtteranceDetector(_vad, EndpointerSettings.From(_options));
        _synthesizer = _options.SynthesisEnabled ? new EspeakSynthesizer(_options) : null;
        if (_options.ModelPath is not { } path)
        {
            UnavailableReason = "speech unavailable: no Whisper model configured (Speech:ModelPath)";
            SpeechLog.SpeechUnavailable(_logger, UnavailableReason);
            return;
        }

        var clock = Stopwatch.StartNew();
        try
        {
            _recognizer = WhisperRecognizer.Load(path, _options, _logger);
            var h = _recognizer.Model.HyperParameters;
            ModelWindow = h.Window;
            SpeechLog.ModelLoaded(_logger, path, clock.ElapsedMilliseconds, h.NAudioLayer + h.NTextLayer, h.NAudioState, h.Window.TotalSeconds, _options.ProcessorPoolSize, _options.Threads);
        }
        catch (SpeechModelException error)
        {
            UnavailableReason = $"speech unavailable: {error.Message}";
            SpeechLog.SpeechUnavailable(_logger, UnavailableReason);
        }
    }

    /// <summary>Whether recognition can run (for health reports).</summary>
    public bool IsAvailable => _recognizer is not null;

    /// <summary>Why recognition cannot run, as <c>speech unavailable: &lt;path&gt;: &lt;reason&gt;</c>; null when it can.</summary>
    public string? UnavailableReason { get; }

    /// <summary>The audio window of the loaded model (its <c>n_audio_ctx</c> / 50 s); null without a model.</summary>
    public TimeSpan? ModelWindow { get; }

    /// <summary>Whether spoken replies are enabled.</summary>
    public bool CanSynthesize => _synthesizer is not null;

    /// <summary>
    /// A source for a client-streamed PCM voice stream with the configured chunk and duration limits. Write chunks,
    /// then <see cref="PushAudioSource.Complete"/> (end / button released) or <see cref="PushAudioSource.Abort"/>.
    /// </summary>
    public PushAudioSource CreatePushSource(PcmFormat format) => new(format, _options.MaxChunkBytes, _options.MaxAudioDuration);

    /// <summary>Finds the next utterance in <paramref name="source"/> with the VAD only (no recognition).</summary>
    /// <exception cref="AudioInputException">Bad audio or limits exceeded.</exception>
    public Task<Utterance> DetectUtteranceAsync(IAudioSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        return _detector.DetectAsync(source, cancellationToken);
    }

    /// <summary>Transcribes the first utterance of a WAV stream (any PCM or float WAV; 16 kHz mono 16-bit is cheapest).</summary>
    /// <exception cref="AudioInputException">Bad audio or limits exceeded (INVALID_ARGUMENT / OUT_OF_RANGE).</exception>
    /// <exception cref="SpeechUnavailableException">No usable model (FAILED_PRECONDITION).</exception>
    public async Task<Transcript> TranscribeAsync(Stream wav, string? language = null, IReadOnlyList<string>? vocabulary = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(wav);
        EnsureAvailable();
        WavAudioSource source;
        try
        {
            source = await WavAudioSource.OpenAsync(wav, _options.MaxAudioDuration, leaveOpen: true, cancellationToken).ConfigureAwait(false);
        }
        catch (AudioInputException error)
        {
            SpeechLog.AudioRefused(_logger, error.Kind.ToString(), error.Message);
            throw;
        }

        await using (source.ConfigureAwait(false))
        {
            return await TranscribeAsync(source, language, vocabulary, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Transcribes the next utterance of <paramref name="source"/>.</summary>
    /// <param name="source">The audio.</param>
    /// <param name="language"><c>zh</c>, <c>en</c> or <c>auto</c>; null for <see cref="SpeechOptions.Language"/>.</param>
    /// <param name="vocabulary">Words to bias recognition toward, most important first (catalog words, HMI names).</param>
    /// <param name="cancellationToken">Cancels reading and recognition.</param>
    /// <exception cref="AudioInputException">Bad audio or limits exceeded (INVALID_ARGUMENT / OUT_OF_RANGE).</exception>
    /// <exception cref="SpeechUnavailableException">No usable model (FAILED_PRECONDITION).</exception>
    /// <exception cref="ArgumentException">An unknown language.</exception>
    public async Task<Transcript> TranscribeAsync(IAudioSource source, string? language = null, IReadOnlyList<string>? vocabulary = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var model = EnsureAvailable();
        language ??= _options.Language;
        if (language is not ("zh" or "en" or "auto"))
        {
            throw new ArgumentException($"language must be zh, en or auto, not '{language}'", nameof(language));
        }

        var clock = Stopwatch.StartNew();
        Utterance utterance;
        try
        {
            utterance = await _detector.DetectAsync(source, cancellationToken).ConfigureAwait(false);
        }
        catch (AudioInputException error)
        {
            SpeechLog.AudioRefused(_logger, error.Kind.ToString(), error.Message);
            throw;
        }

        var endpointing = clock.Elapsed;
        if (!utterance.HasSpeech)
        {
            SpeechLog.NoSpeech(_logger, (long)utterance.AudioDuration.TotalMilliseconds);
            return new Transcript
            {
                Text = string.Empty,
                Language = language == "auto" ? "und" : language,
                Confidence = 0f,
                SpeechStart = TimeSpan.Zero,
                SpeechEnd = TimeSpan.Zero,
                AudioDuration = utterance.AudioDuration,
                EndReason = UtteranceEndReason.NoSpeech,
                RawText = string.Empty,
                Timings = new TranscriptTimings(endpointing, TimeSpan.Zero, clock.Elapsed),
            };
        }

        var prompt = PromptBuilder.Build(vocabulary, _options.MaxPromptChars);
        var result = await model.RecognizeAsync(utterance.Samples, language, prompt, cancellationToken).ConfigureAwait(false);
        var total = clock.Elapsed;
        SpeechLog.Transcribed(_logger, result.Text.Length, result.Language, result.Confidence,
            (long)(utterance.SpeechEnd - utterance.SpeechStart).TotalMilliseconds, (long)endpointing.TotalMilliseconds, (long)(total - endpointing).TotalMilliseconds);
        return new Transcript
        {
            Text = result.Text,
            Language = result.Language,
            Confidence = result.Confidence,
            SpeechStart = utterance.SpeechStart,
            SpeechEnd = utterance.SpeechEnd,
            AudioDuration = utterance.AudioDuration,
            EndReason = utterance.EndReason,
            RawText = result.RawText,
            Timings = new TranscriptTimings(endpointing, total - endpointing, total),
        };
    }

    /// <summary>Speaks <paramref name="text"/> in <paramref name="language"/> (<c>zh</c> or <c>en</c>) as 16 kHz mono audio.</summary>
    /// <exception cref="SpeechUnavailableException">Synthesis is not enabled.</exception>
    /// <exception cref="SpeechSynthesisException">espeak-ng is missing or failed.</exception>
    public async Task<SynthesizedSpeech> SynthesizeAsync(string text, string language, CancellationToken cancellationToken = default)
    {
        var engine = _synthesizer ?? throw new SpeechUnavailableException("speech synthesis unavailable: Speech:SynthesisEnabled is false");
        var clock = Stopwatch.StartNew();
        var speech = await engine.SynthesizeAsync(text, language, cancellationToken: cancellationToken).ConfigureAwait(false);
        SpeechLog.Synthesized(_logger, text.Length, engine.VoiceFor(language), (long)speech.Duration.TotalMilliseconds, clock.ElapsedMilliseconds);
        return speech;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_recognizer is not null)
        {
            await _recognizer.DisposeAsync().ConfigureAwait(false);
        }

        _vad.Dispose();
    }

    private WhisperRecognizer EnsureAvailable() => _recognizer ?? throw new SpeechUnavailableException(UnavailableReason!);
}
