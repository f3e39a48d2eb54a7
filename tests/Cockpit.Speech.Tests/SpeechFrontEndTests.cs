using Cockpit.Speech.Audio;
using Cockpit.Speech.Recognition;
using Cockpit.Speech.Tests.TestSupport;
using Cockpit.Speech.Vad;
using Microsoft.Extensions.Options;

namespace Cockpit.Speech.Tests;

public sealed class SpeechFrontEndTests
{
    private static SpeechFrontEnd Create(Action<SpeechOptions>? configure = null)
    {
        var options = new SpeechOptions { ModelPath = TinyWhisperModel.FilePath, Threads = 1, ProcessorPoolSize = 2 };
        configure?.Invoke(options);
        return new SpeechFrontEnd(Options.Create(options));
    }

    private static byte[] Wav(float[] samples)
    {
        using var stream = new MemoryStream();
        WavWriter.Write(stream, PcmFormat.Speech16k, samples);
        return stream.ToArray();
    }

    [Fact]
    public async Task TranscribeAsync_WavWithSpeech_ReturnsTranscriptWithTimes()
    {
        await using var speech = Create();
        var clip = SpeechClips.Make("zh", "打开天窗", 175, 50, 20.0);

        var transcript = await speech.TranscribeAsync(new MemoryStream(Wav(clip.Samples)), "zh", ["天窗", "除雾"]);

        Assert.True(transcript.HasSpeech);
        Assert.Equal("zh", transcript.Language);
        Assert.Equal(UtteranceEndReason.TrailingSilence, transcript.EndReason);
        Assert.True((transcript.SpeechStart - clip.SpeechStart).Duration() <= TimeSpan.FromMilliseconds(100));
        Assert.InRange(transcript.Confidence, 0f, 1f);
        Assert.True(transcript.Timings.Recognition > TimeSpan.Zero);
        Assert.True(transcript.Timings.Total >= transcript.Timings.Endpointing + transcript.Timings.Recognition - TimeSpan.FromMilliseconds(1));
        Assert.Equal(TimeSpan.FromSeconds(6), speech.ModelWindow);
    }

    [Fact]
    public async Task TranscribeAsync_Silence_ReturnsNoSpeechWithoutRecognising()
    {
        await using var speech = Create();

        var transcript = await speech.TranscribeAsync(new MemoryAudioSource(new float[3 * 16_000]), "en");

        Assert.False(transcript.HasSpeech);
        Assert.Equal(string.Empty, transcript.Text);
        Assert.Equal(TimeSpan.Zero, transcript.Timings.Recognition);
    }

    [Fact]
    public async Task TranscribeAsync_NoModelConfigured_ThrowsUnavailableButVadStillWorks()
    {
        await using var speech = Create(o => o.ModelPath = null);
        var clip = SpeechClips.Make("en", "open the sunroof", 175, 50, null);

        var error = await Assert.ThrowsAsync<SpeechUnavailableException>(() => speech.TranscribeAsync(new MemoryAudioSource(clip.Samples)));
        var utterance = await speech.DetectUtteranceAsync(new MemoryAudioSource(clip.Samples));

        Assert.False(speech.IsAvailable);
        Assert.Equal("speech unavailable: no Whisper model configured (Speech:ModelPath)", error.Message);
        Assert.True(utterance.HasSpeech);
    }

    [Fact]
    public async Task TranscribeAsync_MissingModelFile_ReportsPathAndReason()
    {
        await using var speech = Create(o => o.ModelPath = "/nonexistent/ggml-small.bin");

        Assert.Equal("speech unavailable: /nonexistent/ggml-small.bin: model file not found", speech.UnavailableReason);
        await Assert.ThrowsAsync<SpeechUnavailableException>(() => speech.TranscribeAsync(new MemoryStream(Wav(new float[100]))));
    }

    [Fact]
    public async Task Start_ModelSha256Matches_RecognitionAvailable()
    {
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(TinyWhisperModel.FilePath)));

        await using var speech = Create(o => o.ModelSha256 = hash.ToUpperInvariant());

        Assert.True(speech.IsAvailable);
    }

    [Fact]
    public async Task Start_ModelSha256Differs_UnavailableNamingBothHashes()
    {
        var expected = new string('0', 64);

        await using var speech = Create(o => o.ModelSha256 = expected);

        Assert.False(speech.IsAvailable);
        Assert.StartsWith($"speech unavailable: {TinyWhisperModel.FilePath}: SHA-256 is ", speech.UnavailableReason, StringComparison.Ordinal);
        Assert.EndsWith($", Speech:ModelSha256 says {expected}", speech.UnavailableReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TranscribeAsync_UnknownLanguage_ThrowsArgumentException()
    {
        await using var speech = Create();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => speech.TranscribeAsync(new MemoryAudioSource(new float[100]), "fr"));

        Assert.Contains("zh, en or auto", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TranscribeAsync_CorruptWav_ThrowsTypedError()
    {
        await using var speech = Create();

        var error = await Assert.ThrowsAsync<AudioInputException>(() => speech.TranscribeAsync(new MemoryStream("RIFF....WAVEjunk"u8.ToArray())));

        Assert.Equal(AudioErrorKind.Truncated, error.Kind);
    }

    [Fact]
    public async Task TranscribeAsync_HundredConcurrentStreamsSomeMalformed_EachGetsItsAnswerAndNothingCrashes()
    {
        await using var speech = Create(o => o.MaxChunkBytes = 8_192);
        var clip = SpeechClips.Make("en", "open the sunroof", 220, 50, 20.0, lead: 0.3, trail: 0.8);
        var pcm = new byte[clip.Samples.Length * 2];
        PcmCodec.EncodeMono(clip.Samples, PcmSampleFormat.Int16, pcm);

        async Task<string> RunAsync(int i)
        {
            await using var source = speech.CreatePushSource(PcmFormat.Speech16k);
            var transcription = Task.Run(() => speech.TranscribeAsync(source, "en"));
            try
            {
                for (var offset = 0; offset < pcm.Length; offset += 3_200)
                {
                    if (i % 5 == 1 && offset >= 6_400)
                    {
                        source.Write(new byte[9_000]);
                    }

                    if (i % 5 == 2 && offset >= 6_400)
                    {
                        source.Abort("client went away");
                        break;
                    }

                    source.Write(pcm.AsSpan(offset, Math.Min(3_200, pcm.Length - offset)));
                    await Task.Yield();
                }

                source.Complete();
            }
            catch (AudioInputException)
            {
                // The writer sees the refusal too; the transcription task reports it below.
            }

            try
            {
                var transcript = await transcription;
                return transcript.HasSpeech ? "ok" : "no speech";
            }
            catch (AudioInputException error)
            {
                return error.Kind.ToString();
            }
        }

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 100).Select(RunAsync));

        Assert.Equal(20, outcomes.Count(o => o == nameof(AudioErrorKind.ChunkTooLarge)));
        Assert.Equal(20, outcomes.Count(o => o == nameof(AudioErrorKind.StreamInterrupted)));
        Assert.Equal(60, outcomes.Count(o => o == "ok"));
    }
}
