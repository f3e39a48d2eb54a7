using System.ComponentModel.DataAnnotations;
using Cockpit.Speech.Vad;

namespace Cockpit.Speech;

/// <summary>
/// Options of the speech front end, bound from the <c>Speech</c> configuration section:
/// <code>
/// "Speech": {
///   "ModelPath": "models/whisper/ggml-base.bin",
///   "ModelSha256": null,
///   "VadModelPath": null,
///   "Language": "auto",
///   "Threads": 1,
///   "ProcessorPoolSize": 2,
///   "MaxPromptChars": 600,
///   "SuppressBlank": true,
///   "NoSpeechThreshold": 0.6,
///   "LogProbThreshold": -1.0,
///   "Mode": "Continuous",
///   "SpeechThreshold": 0.5,
///   "MinSpeech": "00:00:00.096",
///   "PreRoll": "00:00:00.300",
///   "TrailingSilence": "00:00:00.600",
///   "TailPadding": "00:00:00.200",
///   "MaxUtterance": "00:00:15",
///   "MaxAudioDuration": "00:01:00",
///   "MaxChunkBytes": 65536,
///   "SynthesisEnabled": false,
///   "EspeakPath": "espeak-ng",
///   "EnglishVoice": "en-us",
///   "MandarinVoice": "cmn",
///   "SpeakingRate": 165
/// }
/// </code>
/// </summary>
public sealed class SpeechOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Speech";

    /// <summary>
    /// Path of the Whisper model in ggml format. Defaults to none, which leaves recognition unavailable (the text path
    /// keeps working). Validated before whisper.cpp sees it.
    /// </summary>
    public string? ModelPath { get; set; }

    /// <summary>
    /// The SHA-256 (hex) the Whisper model file must have, checked at start before anything else reads it. Defaults to
    /// none (only the structural validation). Set it on a head unit, where the installer knows the file it placed.
    /// </summary>
    [RegularExpression("^[0-9a-fA-F]{64}$", ErrorMessage = "Speech:ModelSha256 must be 64 hexadecimal digits.")]
    public string? ModelSha256 { get; set; }

    /// <summary>A Silero VAD v5 ONNX file to use instead of the embedded copy. Defaults to none.</summary>
    public string? VadModelPath { get; set; }

    /// <summary>Recognition language when the caller gives none: <c>zh</c>, <c>en</c> or <c>auto</c>. Defaults to <c>auto</c>.</summary>
    [Required]
    [RegularExpression("^(zh|en|auto)$")]
    public string Language { get; set; } = "auto";

    /// <summary>
    /// CPU threads per recognition. Defaults to 1; 1 to 64. ggml's threads spin at every barrier, so on a CPU shared
    /// with other work a second thread made a call 50–70× slower here (docs/measurements.md); raise it only on cores
    /// the recogniser has to itself.
    /// </summary>
    [Range(1, 64)]
    public int Threads { get; set; } = 1;

    /// <summary>Whisper processors kept ready, and so recognitions that may run at once. Defaults to 2; 1 to 32.</summary>
    [Range(1, 32)]
    public int ProcessorPoolSize { get; set; } = 2;

    /// <summary>The longest initial prompt built from the caller's vocabulary, in characters. Defaults to 600; 0 turns biasing off.</summary>
    [Range(0, 4000)]
    public int MaxPromptChars { get; set; } = 600;

    /// <summary>Whisper's blank suppression. Defaults to true; a model whose vocabulary has no <c>" "</c> token needs false.</summary>
    public bool SuppressBlank { get; set; } = true;

    /// <summary>A segment whose no-speech probability is above this and whose tokens are unsure is dropped. Defaults to 0.6.</summary>
    [Range(0.0, 1.0)]
    public float NoSpeechThreshold { get; set; } = 0.6f;

    /// <summary>Average token log-probability below which a segment counts as unsure. Defaults to −1.0.</summary>
    [Range(-20.0, 0.0)]
    public float LogProbThreshold { get; set; } = -1.0f;

    /// <summary>How utterances end. Defaults to <see cref="EndpointingMode.Continuous"/>.</summary>
    public EndpointingMode Mode { get; set; } = EndpointingMode.Continuous;

    /// <summary>Silero speech probability at which a frame counts as speech. Defaults to 0.5; ends use 0.15 less.</summary>
    [Range(0.05, 0.99)]
    public float SpeechThreshold { get; set; } = 0.5f;

    /// <summary>Speech needed before an utterance starts. Defaults to 96 ms (3 frames).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:02")]
    public TimeSpan MinSpeech { get; set; } = TimeSpan.FromMilliseconds(96);

    /// <summary>Audio kept before the detected start. Defaults to 300 ms.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:02")]
    public TimeSpan PreRoll { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Silence that ends an utterance in continuous mode. Defaults to 600 ms; 100 ms to 5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:05")]
    public TimeSpan TrailingSilence { get; set; } = TimeSpan.FromMilliseconds(600);

    /// <summary>Audio kept after the detected end. Defaults to 200 ms.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:02")]
    public TimeSpan TailPadding { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// The longest utterance: continuous listening cuts it there, push-to-talk refuses it (<c>OUT_OF_RANGE</c>).
    /// Defaults to 15 s; 1 s to 5 minutes. Whisper hears at most its model's window (<c>n_audio_ctx</c> / 50 s).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan MaxUtterance { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The most audio one request may carry. Defaults to 60 s; 1 s to 1 hour.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan MaxAudioDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The largest pushed PCM chunk in bytes. Defaults to 64 KiB (2 s of 16 kHz 16-bit mono).</summary>
    [Range(64, 16 * 1024 * 1024)]
    public int MaxChunkBytes { get; set; } = 64 * 1024;

    /// <summary>Whether spoken replies (espeak-ng) are available. Defaults to false.</summary>
    public bool SynthesisEnabled { get; set; }

    /// <summary>The espeak-ng executable. Defaults to <c>espeak-ng</c> on the PATH.</summary>
    [Required]
    public string EspeakPath { get; set; } = "espeak-ng";

    /// <summary>espeak-ng voice for English replies. Defaults to <c>en-us</c>.</summary>
    [Required]
    public string EnglishVoice { get; set; } = "en-us";

    /// <summary>espeak-ng voice for Mandarin replies. Defaults to <c>cmn</c>.</summary>
    [Required]
    public string MandarinVoice { get; set; } = "cmn";

    /// <summary>Speaking rate of replies in words per minute. Defaults to 165; 80 to 450.</summary>
    [Range(80, 450)]
    public int SpeakingRate { get; set; } = 165;
}
