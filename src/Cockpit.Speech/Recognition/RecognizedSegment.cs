namespace Cockpit.Speech.Recognition;

/// <summary>One segment as Whisper returned it, reduced to what the filter and the confidence need.</summary>
/// <param name="Text">The segment's text.</param>
/// <param name="Language">The language Whisper decoded in.</param>
/// <param name="NoSpeechProbability">Whisper's probability that the window holds no speech.</param>
/// <param name="TokenLogProbabilities">Natural-log probabilities of the text tokens (special tokens excluded).</param>
internal sealed record RecognizedSegment(string Text, string Language, float NoSpeechProbability, float[] TokenLogProbabilities)
{
    /// <summary>The mean token log-probability; −∞ without tokens.</summary>
    public double AverageLogProbability => TokenLogProbabilities.Length == 0 ? double.NegativeInfinity : TokenLogProbabilities.Average();
}
