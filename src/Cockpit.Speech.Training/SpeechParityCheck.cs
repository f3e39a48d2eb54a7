using System.Text;
using Cockpit.Speech;
using Cockpit.Speech.Recognition;
using Cockpit.Speech.Recognition.Ggml;
using Microsoft.Extensions.Logging.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace Cockpit.Speech.Training;

/// <summary>
/// Checks that the exported file means what was trained: greedy transcripts of held-out clips from the TorchSharp
/// model (features from <see cref="LogMelFrontEnd"/>) against those of whisper.cpp through the recogniser. A front
/// end, tensor layout or token mismatch shows up as disagreement.
/// </summary>
internal sealed class SpeechParityCheck(string corpusDirectory, string runDirectory, SpeechModelConfig config, TextWriter log)
{
    public async Task<int> RunAsync(int limit)
    {
        torch.set_num_threads(1);
        var vocabulary = SpeechVocabulary.Load(Path.Combine(runDirectory, SpeechCorpus.VocabularyFile));
        using var model = new SpeechWhisperModel(config, vocabulary.CompactSize);
        model.load(Path.Combine(runDirectory, SpeechTrainer.StateFile), strict: false);
        model.eval();
        var frontEnd = new LogMelFrontEnd(GgmlWhisperModelWriter.DefaultMelFilters(config.Mels), config.Mels, 2 * config.AudioContext);
        await using var recognizer = WhisperRecognizer.Load(Path.Combine(runDirectory, SpeechTrainer.ModelFile), new SpeechOptions { Threads = 1, ProcessorPoolSize = 1 }, NullLogger.Instance);
        var entries = SpeechCorpus.ReadTestIndex(corpusDirectory);
        entries = [.. entries.Where(e => e.Lang == "zh").Take(limit / 2), .. entries.Where(e => e.Lang == "en").Take(limit - (limit / 2))];
        var agree = 0;
        foreach (var entry in entries)
        {
            var audio = SpeechCorpus.ReadTestAudio(corpusDirectory, entry);
            var torchText = Greedy(model, vocabulary, frontEnd.Compute(audio), entry.Lang);
            var whisper = await recognizer.RecognizeAsync(audio, entry.Lang, null, CancellationToken.None).ConfigureAwait(false);
            var a = SpokenText.Transcript(torchText);
            var b = SpokenText.Transcript(whisper.RawText);
            agree += a == b ? 1 : 0;
            log.WriteLine($"{(a == b ? "same" : "DIFF")}\tref: {entry.Transcript}\ttorch: {a}\twhisper.cpp: {b}\tencoder CTC: {SpokenText.Transcript(CtcGreedy(model, vocabulary, frontEnd.Compute(audio)))}");
        }

        log.WriteLine($"parity: {agree}/{entries.Count} transcripts identical");
        return agree == entries.Count ? 0 : 1;
    }

    /// <summary>Best path of the training-only CTC head: what the encoder alone has learnt to hear.</summary>
    private string CtcGreedy(SpeechWhisperModel model, SpeechVocabulary vocabulary, float[] mel)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var best = model.CtcLogProbabilities(model.Encode(torch.tensor(mel, [1, config.Mels, 2 * config.AudioContext])))[.., 0].argmax(-1).data<long>().ToArray();
        return string.Concat(CtcGreedyDecoder.Decode(best, vocabulary.Units.Count).Select(u => vocabulary.Units[u]));
    }

    private string Greedy(SpeechWhisperModel model, SpeechVocabulary vocabulary, float[] mel, string lang)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var audio = model.Encode(torch.tensor(mel, [1, config.Mels, 2 * config.AudioContext]));
        var tokens = vocabulary.Prefix(lang).Select(t => (long)t).ToList();
        var text = new StringBuilder();
        for (var i = 0; i < (config.TextContext / 2) - 4; i++)
        {
            // As whisper.cpp decodes: every zero row scores 0 on its own, the special tokens but end-of-text are
            // suppressed, and blank suppression forbids " " and end-of-text as the first token.
            var logits = model.Decode(torch.tensor(tokens.ToArray(), [1, tokens.Count]), audio)[0, -1].narrow(0, 0, vocabulary.Units.Count + 1).clone();
            if (i == 0)
            {
                logits[0] = torch.tensor(float.NegativeInfinity);
                logits[vocabulary.Units.Count] = torch.tensor(float.NegativeInfinity);
            }

            var next = (int)logits.argmax().item<long>();
            if (logits[next].item<float>() < 0)
            {
                text.Append(" [zero row]");
                break;
            }

            if (next >= vocabulary.Units.Count)
            {
                break;
            }

            text.Append(vocabulary.Units[next]);
            tokens.Add(next);
        }

        return text.ToString();
    }
}
