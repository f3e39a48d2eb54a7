using Cockpit.Speech.Synthesis;
using Cockpit.Speech.Tests.TestSupport;
using Microsoft.Extensions.Options;

namespace Cockpit.Speech.Tests.Synthesis;

public sealed class EspeakSynthesizerTests
{
    [Theory]
    [InlineData("en", "The sunroof is open.")]
    [InlineData("zh", "天窗已打开")]
    public async Task SynthesizeAsync_Reply_Returns16kSpeechTheVadHears(string language, string text)
    {
        await using var speech = new SpeechFrontEnd(Options.Create(new SpeechOptions { SynthesisEnabled = true }));

        var reply = await speech.SynthesizeAsync(text, language);
        var utterance = await speech.DetectUtteranceAsync(new MemoryAudioSource([.. reply.Samples.ToArray(), .. new float[16_000]]));

        Assert.Equal(16_000, SynthesizedSpeech.SampleRate);
        Assert.InRange(reply.Duration.TotalSeconds, 0.5, 5);
        Assert.Equal(reply.Samples.Length * 2, reply.ToPcm16().Length);
        Assert.True(utterance.HasSpeech);
    }

    [Fact]
    public async Task SynthesizeAsync_Disabled_ThrowsUnavailable()
    {
        await using var speech = new SpeechFrontEnd(Options.Create(new SpeechOptions()));

        await Assert.ThrowsAsync<Cockpit.Speech.Recognition.SpeechUnavailableException>(() => speech.SynthesizeAsync("hello", "en"));
    }

    [Fact]
    public async Task SynthesizeAsync_MissingExecutable_NamesThePackage()
    {
        var synthesizer = new EspeakSynthesizer(new SpeechOptions { EspeakPath = "/nonexistent/espeak-ng" });

        var error = await Assert.ThrowsAsync<SpeechSynthesisException>(() => synthesizer.SynthesizeAsync("hello", "en"));

        Assert.Contains("espeak-ng", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SynthesizeAsync_TextLikeAnOption_IsSpokenNotParsed()
    {
        var synthesizer = new EspeakSynthesizer(new SpeechOptions());

        var reply = await synthesizer.SynthesizeAsync("--help -v xx", "en");

        Assert.True(reply.Duration > TimeSpan.FromMilliseconds(300));
    }
}
