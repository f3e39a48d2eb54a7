using Cockpit.Understanding.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace Cockpit.Speech.Training;

/// <summary>Error rates of the encoder's greedy CTC transcripts on a fixed set of clips.</summary>
/// <param name="Errors">Edits against the references, in scoring units (characters for zh, words for en).</param>
/// <param name="Units">Scoring units of the references.</param>
/// <param name="ZhErrorRate">Character error rate of the Mandarin clips (NaN when none).</param>
/// <param name="EnErrorRate">Word error rate of the English clips (NaN when none).</param>
/// <param name="CharacterErrorRate">Character error rate of all clips, spaces ignored (English scored by letters too).</param>
/// <param name="Example">One reference and its transcript, for the log.</param>
internal sealed record CtcProbeResult(int Errors, int Units, double ZhErrorRate, double EnErrorRate, double CharacterErrorRate, string Example)
{
    public double ErrorRate => Errors / (double)Math.Max(1, Units);
}

/// <summary>
/// Scores what the encoder alone has learnt to hear: the greedy CTC transcript of each clip's features against its
/// reference, per language in the units the evaluator uses. It needs neither the decoder nor whisper.cpp, so it can
/// run every few hundred steps of training.
/// </summary>
internal sealed class SpeechCtcProbe(IReadOnlyList<(string Lang, string Transcript, float[] Mel)> clips, SpeechModelConfig config, int batch = 16)
{
    public int Count => clips.Count;

    /// <summary>Held-out clips of a corpus: their clean audio through <paramref name="frontEnd"/>.</summary>
    public static SpeechCtcProbe HeldOut(string corpusDirectory, LogMelFrontEnd frontEnd, SpeechModelConfig config, int limit)
    {
        var entries = SpeechCorpus.ReadTestIndex(corpusDirectory).Take(limit);
        return new SpeechCtcProbe([.. entries.Select(e => (e.Lang, e.Transcript, frontEnd.Compute(SpeechCorpus.ReadTestAudio(corpusDirectory, e))))], config);
    }

    public CtcProbeResult Measure(SpeechWhisperModel model, SpeechVocabulary vocabulary)
    {
        var frames = 2 * config.AudioContext;
        var values = config.Mels * frames;
        var errors = new Dictionary<string, (int Edits, int Units)>(StringComparer.Ordinal) { ["zh"] = (0, 0), ["en"] = (0, 0) };
        var example = "";
        var (characterEdits, characters) = (0, 0);
        var wasTraining = model.training;
        model.eval();
        using (torch.no_grad())
        {
            for (var start = 0; start < clips.Count; start += batch)
            {
                using var scope = torch.NewDisposeScope();
                var count = Math.Min(batch, clips.Count - start);
                var buffer = new float[count * values];
                for (var b = 0; b < count; b++)
                {
                    clips[start + b].Mel.CopyTo(buffer, b * values);
                }

                var best = model.CtcLogProbabilities(model.Encode(torch.tensor(buffer, [count, config.Mels, frames]))).argmax(-1).t().contiguous().data<long>().ToArray();
                var positions = best.Length / count;
                for (var b = 0; b < count; b++)
                {
                    var (lang, transcript, _) = clips[start + b];
                    var hypothesis = CtcGreedyDecoder.Text(CtcGreedyDecoder.Decode(best.AsSpan(b * positions, positions), vocabulary.Units.Count), vocabulary);
                    var reference = Cockpit.Speech.Training.ErrorRate.Units(transcript, lang);
                    var edits = EditDistance.Between<string>(reference, Cockpit.Speech.Training.ErrorRate.Units(hypothesis, lang));
                    var key = lang == "zh" ? "zh" : "en";
                    errors[key] = (errors[key].Edits + edits, errors[key].Units + reference.Length);
                    var referenceCharacters = Cockpit.Speech.Training.ErrorRate.Units(transcript, "zh");
                    characterEdits += EditDistance.Between<string>(referenceCharacters, Cockpit.Speech.Training.ErrorRate.Units(hypothesis, "zh"));
                    characters += referenceCharacters.Length;
                    if (start + b == 0)
                    {
                        example = $"'{transcript}' -> '{hypothesis}'";
                    }
                }
            }
        }

        model.train(wasTraining);
        static double Rate((int Edits, int Units) e) => e.Units == 0 ? double.NaN : e.Edits / (double)e.Units;
        return new CtcProbeResult(errors.Values.Sum(e => e.Edits), errors.Values.Sum(e => e.Units), Rate(errors["zh"]), Rate(errors["en"]), Rate((characterEdits, characters)), example);
    }
}
