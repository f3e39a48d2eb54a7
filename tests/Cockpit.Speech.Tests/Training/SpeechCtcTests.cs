using Cockpit.Speech.Training;
using TorchSharp;

namespace Cockpit.Speech.Tests.Training;

/// <summary>
/// The encoder's CTC objective and its greedy decoding: the loss the trainer computes is the textbook CTC negative
/// log-likelihood (time-major log-probabilities, blank last, every encoder position an input frame, mean over
/// target lengths), the untrained head starts blank-heavy, its gradient reaches the encoder, and best-path decoding
/// merges repeats before dropping blanks.
/// </summary>
public sealed class SpeechCtcTests
{
    private static readonly SpeechModelConfig Tiny = new() { Dim = 32, Heads = 2, AudioLayers = 1, TextLayers = 1, AudioContext = 12, TextContext = 16, Mels = 8 };

    [Fact]
    public void Decode_BestPath_MergesRepeatsThenDropsBlanks()
    {
        const long blank = 5;

        var labels = CtcGreedyDecoder.Decode([blank, 1, 1, blank, 1, 2, 2, blank, blank, 3], blank);

        Assert.Equal([1, 1, 2, 3], labels);
    }

    [Fact]
    public void CtcLoss_TinyModel_EqualsForwardAlgorithmPerTargetUnit()
    {
        torch.manual_seed(3);
        var vocabulary = new SpeechVocabulary(["a", "b", "c"]);
        using var model = new SpeechWhisperModel(Tiny, vocabulary.CompactSize);
        int[][] units = [[1, 2, 2], [3]];
        using var mel = torch.randn(2, Tiny.Mels, 2 * Tiny.AudioContext);

        using var audio = model.Encode(mel);
        var loss = SpeechTrainer.CtcLoss(model, audio, units, vocabulary).item<float>();
        using var logProbabilities = model.CtcLogProbabilities(audio).detach();
        var expected = units.Select((u, b) => NegativeLogLikelihood(logProbabilities, b, u, vocabulary.Units.Count) / u.Length).Average();

        Assert.Equal(vocabulary.Units.Count + 1, (int)logProbabilities.shape[2]);
        Assert.Equal(expected, loss, 3);
    }

    [Fact]
    public void CtcHead_Untrained_CallsMostFramesBlank()
    {
        // Regression: a uniform head spent its first updates driving every frame to the blank through the encoder,
        // which collapsed the encoder output to one vector for all frames and left CTC emitting only blanks.
        torch.manual_seed(5);
        var vocabulary = new SpeechVocabulary(Enumerable.Range(0, 300).Select(i => $"u{i}"));
        using var model = new SpeechWhisperModel(Tiny, vocabulary.CompactSize);
        using var mel = torch.randn(2, Tiny.Mels, 2 * Tiny.AudioContext);

        using var blank = model.CtcLogProbabilities(model.Encode(mel)).select(2, vocabulary.Units.Count).exp();

        Assert.InRange(blank.min().item<float>(), 0.8f, 0.97f);
        Assert.InRange(blank.mean().item<float>(), 0.85f, 0.95f);
    }

    [Fact]
    public void CtcLoss_Backward_ReachesTheEncoderStem()
    {
        torch.manual_seed(4);
        var vocabulary = new SpeechVocabulary(["a", "b", "c"]);
        using var model = new SpeechWhisperModel(Tiny, vocabulary.CompactSize);
        using var mel = torch.randn(2, Tiny.Mels, 2 * Tiny.AudioContext);

        SpeechTrainer.CtcLoss(model, model.Encode(mel), [[1, 2], [3, 1]], vocabulary).backward();

        var stem = model.EncoderParameters().First();
        Assert.NotNull(stem.grad);
        Assert.True(stem.grad!.abs().sum().item<float>() > 0);
    }

    /// <summary>−log p(units | frames) of one clip by the CTC forward recursion over the blank-interleaved labels.</summary>
    private static double NegativeLogLikelihood(torch.Tensor logProbabilities, int clip, int[] units, int blank)
    {
        var frames = (int)logProbabilities.shape[0];
        var extended = new List<int> { blank };
        foreach (var unit in units)
        {
            extended.Add(unit);
            extended.Add(blank);
        }

        double P(int t, int label) => logProbabilities[t, clip, label].item<float>();
        var alpha = Enumerable.Repeat(double.NegativeInfinity, extended.Count).ToArray();
        alpha[0] = P(0, extended[0]);
        alpha[1] = P(0, extended[1]);
        for (var t = 1; t < frames; t++)
        {
            var next = Enumerable.Repeat(double.NegativeInfinity, extended.Count).ToArray();
            for (var s = 0; s < extended.Count; s++)
            {
                var sum = LogAdd(alpha[s], s > 0 ? alpha[s - 1] : double.NegativeInfinity);
                if (s > 1 && extended[s] != blank && extended[s] != extended[s - 2])
                {
                    sum = LogAdd(sum, alpha[s - 2]);
                }

                next[s] = sum + P(t, extended[s]);
            }

            alpha = next;
        }

        return -LogAdd(alpha[^1], alpha[^2]);
    }

    private static double LogAdd(double a, double b) =>
        double.IsNegativeInfinity(a) ? b : double.IsNegativeInfinity(b) ? a : Math.Max(a, b) + Math.Log(1 + Math.Exp(-Math.Abs(a - b)));
}
