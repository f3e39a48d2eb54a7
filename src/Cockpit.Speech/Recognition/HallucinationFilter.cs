namespace Cockpit.Speech.Recognition;

/// <summary>
/// Drops segments Whisper invents: Whisper's own rule (no-speech probability above the threshold while the tokens are
/// unsure), tokens so unsure that nothing is there, and the closing phrases of its subtitle training data that it
/// writes over silence. Then scores what is left.
/// </summary>
internal static class HallucinationFilter
{
    private static readonly string[] KnownPhrases =
    [
        "谢谢观看", "谢谢收看", "字幕由", "字幕志愿者", "请不吝点赞", "订阅", "明镜与点点栏目", "优优独播剧场",
        "thank you for watching", "thanks for watching", "please subscribe", "subtitles by", "amara.org",
    ];

    /// <summary>Whether <paramref name="segment"/> should be dropped.</summary>
    public static bool IsHallucination(RecognizedSegment segment, float noSpeechThreshold, float logProbThreshold)
    {
        var average = segment.AverageLogProbability;
        if (string.IsNullOrWhiteSpace(segment.Text) || segment.TokenLogProbabilities.Length == 0)
        {
            return true;
        }

        if (segment.NoSpeechProbability > noSpeechThreshold && average < logProbThreshold)
        {
            return true;
        }

        if (average < 2 * logProbThreshold)
        {
            return true;
        }

        var normalized = ChineseTextNormalizer.Normalize(segment.Text).ToLowerInvariant();
        return KnownPhrases.Any(phrase => normalized.Contains(phrase, StringComparison.Ordinal));
    }

    /// <summary>
    /// The utterance confidence: the geometric mean of the kept tokens' probabilities (exp of the mean log-probability),
    /// 0 when nothing was kept. Low values mean the agent should ask back rather than act.
    /// </summary>
    public static float Confidence(IReadOnlyList<RecognizedSegment> kept)
    {
        var all = kept.SelectMany(segment => segment.TokenLogProbabilities).ToArray();
        return all.Length == 0 ? 0f : (float)Math.Exp(all.Average());
    }
}
