using Cockpit.Speech.Recognition;

namespace Cockpit.Speech.Tests.Recognition;

public sealed class HallucinationFilterTests
{
    public static TheoryData<string, float, float[], bool> Segments => new()
    {
        { "打开天窗", 0.01f, [-0.1f, -0.2f, -0.05f], false },
        { "打开天窗", 0.9f, [-0.1f, -0.2f], false },
        { "嗯", 0.9f, [-1.5f, -2.0f], true },
        { "open the sunroof", 0.1f, [-2.5f, -3.0f], true },
        { "謝謝觀看", 0.2f, [-0.2f], true },
        { " Thank you for watching!", 0.3f, [-0.3f], true },
        { "", 0.1f, [], true },
    };

    [Theory]
    [MemberData(nameof(Segments))]
    public void IsHallucination_Segment_DecidedByNoSpeechLogProbabilityAndKnownPhrases(string text, float noSpeech, float[] logProbabilities, bool expected)
    {
        var segment = new RecognizedSegment(text, "zh", noSpeech, logProbabilities);

        Assert.Equal(expected, HallucinationFilter.IsHallucination(segment, 0.6f, -1.0f));
    }

    [Fact]
    public void Confidence_Tokens_IsGeometricMeanProbability()
    {
        var kept = new[] { new RecognizedSegment("a", "en", 0f, [MathF.Log(0.5f), MathF.Log(0.8f)]) };

        Assert.Equal(MathF.Sqrt(0.4f), HallucinationFilter.Confidence(kept), 4);
        Assert.Equal(0f, HallucinationFilter.Confidence([]));
    }
}
