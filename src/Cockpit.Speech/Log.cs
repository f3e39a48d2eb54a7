using Microsoft.Extensions.Logging;

namespace Cockpit.Speech;

/// <summary>The speech front end's log events.</summary>
internal static partial class SpeechLog
{
    [LoggerMessage(1, LogLevel.Information, "Speech model {Path} loaded in {ElapsedMs} ms: {Layers} layers, d = {State}, window {WindowSeconds} s, {PoolSize} processors x {Threads} threads")]
    public static partial void ModelLoaded(ILogger logger, string path, long elapsedMs, int layers, int state, double windowSeconds, int poolSize, int threads);

    [LoggerMessage(2, LogLevel.Warning, "{Reason}; the text path keeps working")]
    public static partial void SpeechUnavailable(ILogger logger, string reason);

    [LoggerMessage(3, LogLevel.Information, "Transcribed {Chars} chars ({Language}, confidence {Confidence:0.00}) from {SpeechMs} ms of speech; endpointing {EndpointMs} ms, recognition {RecognitionMs} ms")]
    public static partial void Transcribed(ILogger logger, int chars, string language, float confidence, long speechMs, long endpointMs, long recognitionMs);

    [LoggerMessage(4, LogLevel.Information, "No speech in {AudioMs} ms of audio")]
    public static partial void NoSpeech(ILogger logger, long audioMs);

    [LoggerMessage(5, LogLevel.Warning, "Audio refused ({Kind}): {Reason}")]
    public static partial void AudioRefused(ILogger logger, string kind, string reason);

    [LoggerMessage(6, LogLevel.Debug, "Dropped segment \"{Text}\" as a hallucination (no-speech {NoSpeech:0.00}, mean log-probability {LogProbability:0.00})")]
    public static partial void SegmentDropped(ILogger logger, string text, float noSpeech, double logProbability);

    [LoggerMessage(7, LogLevel.Information, "Voice activity model {Source} loaded")]
    public static partial void VadLoaded(ILogger logger, string source);

    [LoggerMessage(8, LogLevel.Information, "Synthesised {Chars} chars ({Voice}) into {AudioMs} ms of audio in {ElapsedMs} ms")]
    public static partial void Synthesized(ILogger logger, int chars, string voice, long audioMs, long elapsedMs);
}
