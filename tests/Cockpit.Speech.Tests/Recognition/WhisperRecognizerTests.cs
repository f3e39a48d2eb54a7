using Cockpit.Speech.Recognition;
using Cockpit.Speech.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cockpit.Speech.Tests.Recognition;

public sealed class WhisperRecognizerTests
{
    private static WhisperRecognizer Load(int poolSize = 2, bool suppressBlank = true, string? path = null) =>
        WhisperRecognizer.Load(path ?? TinyWhisperModel.FilePath, new SpeechOptions { ProcessorPoolSize = poolSize, Threads = 1, SuppressBlank = suppressBlank }, NullLogger.Instance);

    [Theory]
    [InlineData("zh", "打开天窗")]
    [InlineData("en", "open the sunroof")]
    public async Task RecognizeAsync_TinyRandomModel_RunsTheRealDecoder(string language, string text)
    {
        await using var recognizer = Load();
        var samples = SpeechClips.Synthesize(language, text);

        var result = await recognizer.RecognizeAsync(samples, language, "打开, 天窗, sunroof", CancellationToken.None);

        // The weights are random: only the pipeline is checked, not the words.
        Assert.Equal(language, result.Language);
        Assert.InRange(result.Confidence, 0f, 1f);
        Assert.NotNull(result.RawText);
        Assert.Equal(1, recognizer.ProcessorsBuilt);
    }

    [Fact]
    public async Task RecognizeAsync_AutoLanguage_ReportsALanguage()
    {
        await using var recognizer = Load();

        var result = await recognizer.RecognizeAsync(SpeechClips.Synthesize("zh", "打开天窗"), "auto", null, CancellationToken.None);

        Assert.False(string.IsNullOrEmpty(result.Language));
    }

    [Fact]
    public async Task RecognizeAsync_LongerThanModelWindow_IsRecognisedWindowByWindow()
    {
        await using var recognizer = Load();
        var samples = Signals.Concat(Enumerable.Repeat(SpeechClips.Synthesize("en", "set the driver temperature to twenty two degrees"), 4).ToArray());

        var result = await recognizer.RecognizeAsync(samples, "en", null, CancellationToken.None);

        Assert.True(samples.Length > 6 * 16_000);
        Assert.Equal("en", result.Language);
    }

    [Fact]
    public async Task RecognizeAsync_ManyConcurrentRequests_ShareAtMostPoolSizeProcessors()
    {
        await using var recognizer = Load(poolSize: 2);
        var samples = SpeechClips.Synthesize("en", "open the sunroof");

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => recognizer.RecognizeAsync(samples, "en", "sunroof", CancellationToken.None))));

        Assert.Equal(12, results.Length);
        Assert.InRange(recognizer.ProcessorsBuilt, 1, 2);
    }

    [Fact]
    public async Task RecognizeAsync_NewPrompt_RebuildsOneProcessorAndKeepsThePoolBounded()
    {
        await using var recognizer = Load(poolSize: 1);
        var samples = SpeechClips.Synthesize("en", "open the sunroof");

        await recognizer.RecognizeAsync(samples, "en", "sunroof", CancellationToken.None);
        await recognizer.RecognizeAsync(samples, "en", "sunroof", CancellationToken.None);
        await recognizer.RecognizeAsync(samples, "en", "defroster", CancellationToken.None);
        await recognizer.RecognizeAsync(samples, "zh", "defroster", CancellationToken.None);

        Assert.Equal(3, recognizer.ProcessorsBuilt);
    }

    [Fact]
    public async Task RecognizeAsync_CancelledWhileWaitingForAProcessor_ThrowsAndPoolRecovers()
    {
        await using var recognizer = Load(poolSize: 1);
        var samples = SpeechClips.Synthesize("en", "set the driver temperature to twenty two degrees");
        var busy = Task.Run(() => recognizer.RecognizeAsync(samples, "en", null, CancellationToken.None));
        using var soon = new CancellationTokenSource(TimeSpan.FromMilliseconds(1));

        var waiting = Task.Run(() => recognizer.RecognizeAsync(samples, "en", null, soon.Token));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        await busy;
        var after = await recognizer.RecognizeAsync(samples, "en", null, CancellationToken.None);
        Assert.Equal("en", after.Language);
    }

    [Fact]
    public async Task RecognizeAsync_AlreadyCancelled_Throws()
    {
        await using var recognizer = Load();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => recognizer.RecognizeAsync(new float[16_000], "en", null, cancelled.Token));
    }

    [Fact]
    public async Task RecognizeAsync_NoBlankTokenWithSuppressBlankOff_RunsWithoutAborting()
    {
        var path = GgmlWhisperModelValidatorTests.Write("no blank token", "recognizer-no-blank.bin");
        await using var recognizer = Load(suppressBlank: false, path: path);

        var result = await recognizer.RecognizeAsync(SpeechClips.Synthesize("en", "open the sunroof"), "en", null, CancellationToken.None);

        Assert.Equal("en", result.Language);
    }

    [Fact]
    public async Task RecognizeAsync_VeryShortAudio_IsPaddedNotRefused()
    {
        await using var recognizer = Load();

        var result = await recognizer.RecognizeAsync(new float[800], "en", null, CancellationToken.None);

        Assert.Equal("en", result.Language);
    }
}
