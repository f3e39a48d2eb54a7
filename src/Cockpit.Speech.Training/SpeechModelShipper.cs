using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cockpit.Speech.Recognition.Ggml;
using Cockpit.Understanding.Model;

namespace Cockpit.Speech.Training;

/// <summary>
/// Ships a checkpoint: copies the run's ggml file and vocabulary into the model folder, measures it through the
/// recogniser on the held-out clips, and writes <c>manifest.json</c> (hashes, corpus and its data hash,
/// hyper-parameters, training figures, measured metrics against the targets).
/// </summary>
internal sealed class SpeechModelShipper(string corpusDirectory, string runDirectory, string modelDirectory, TextWriter log)
{
    public const string ModelFileName = "ggml-cockpit-speech.bin";

    public async Task<int> RunAsync(IReadOnlyList<double?> snrs, int limit, int threads)
    {
        Directory.CreateDirectory(modelDirectory);
        var model = Path.Combine(modelDirectory, ModelFileName);
        File.Copy(Path.Combine(runDirectory, SpeechTrainer.ModelFile), model, overwrite: true);
        File.Copy(Path.Combine(runDirectory, SpeechCorpus.VocabularyFile), Path.Combine(modelDirectory, SpeechCorpus.VocabularyFile), overwrite: true);
        var info = GgmlWhisperModelValidator.Validate(model, suppressBlank: true);
        var results = await new SpeechEvaluator(corpusDirectory, log).RunAsync(model, snrs, limit, threads, Path.Combine(runDirectory, "errors.txt")).ConfigureAwait(false);

        var h = info.HyperParameters;
        var manifest = new JsonObject
        {
            ["model"] = ModelFileName,
            ["sha256"] = ModelManifest.HashFile(model),
            ["bytes"] = info.FileBytes,
            ["format"] = "whisper.cpp legacy ggml (docs/formats/ggml-whisper.md), f16 weights, f16 conv kernels",
            ["runtime"] = "Whisper.net 1.9.1 (whisper.cpp 1.8.5) through Cockpit.Speech WhisperRecognizer, unchanged",
            ["vocabulary"] = SpeechCorpus.VocabularyFile,
            ["vocabulary_sha256"] = ModelManifest.HashFile(Path.Combine(modelDirectory, SpeechCorpus.VocabularyFile)),
            ["vocabulary_in_file"] = info.VocabularyInFile,
            ["hyper_parameters"] = new JsonObject
            {
                ["n_vocab"] = h.NVocab, ["n_audio_ctx"] = h.NAudioCtx, ["n_audio_state"] = h.NAudioState, ["n_audio_head"] = h.NAudioHead,
                ["n_audio_layer"] = h.NAudioLayer, ["n_text_ctx"] = h.NTextCtx, ["n_text_state"] = h.NTextState, ["n_text_head"] = h.NTextHead,
                ["n_text_layer"] = h.NTextLayer, ["n_mels"] = h.NMels, ["ftype"] = h.FType,
            },
            ["corpus"] = KeyValues(Path.Combine(corpusDirectory, SpeechCorpus.InfoFile)),
            ["training"] = KeyValues(Path.Combine(runDirectory, "checkpoint.txt")),
            ["evaluation"] = new JsonObject
            {
                ["set"] = "held-out phrasings (DataGenerator heldOut=true) x held-out espeak-ng voices (variants m6 m7 f3 f5; accents en-us-nyc, en-gb-scotland never trained), utterances that fit the window",
                ["scoring"] = "lower case, punctuation removed, numbers in words; zh CER over characters, en WER over words",
                ["threads"] = threads,
                ["results"] = new JsonArray([.. results.Select(r => (JsonNode)new JsonObject
                {
                    ["condition"] = r.Condition,
                    ["zh_clips"] = r.ZhClips,
                    ["zh_cer"] = Math.Round(r.Cer, 4),
                    ["en_clips"] = r.EnClips,
                    ["en_wer"] = Math.Round(r.Wer, 4),
                    ["sentence_exact"] = Math.Round(r.SentenceAccuracy, 4),
                    ["rtf"] = Math.Round(r.RealTimeFactor, 4),
                    ["audio_seconds"] = Math.Round(r.AudioSeconds, 1),
                })]),
            },
            ["targets"] = new JsonObject { ["zh_cer_clean"] = 0.05, ["en_wer_clean"] = 0.08, ["zh_cer_10db"] = 0.10, ["en_wer_10db"] = 0.15, ["rtf"] = 0.1, ["max_bytes"] = 30_000_000 },
            ["created_utc"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        };
        await File.WriteAllTextAsync(Path.Combine(modelDirectory, "manifest.json"), manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n").ConfigureAwait(false);
        log.WriteLine($"shipped {model} ({info.FileBytes / 1e6:F1} MB) with manifest.json");
        return 0;
    }

    private static JsonObject KeyValues(string path)
    {
        var result = new JsonObject();
        foreach (var line in File.ReadAllLines(path).Where(l => l.Contains(' ', StringComparison.Ordinal)))
        {
            var key = line[..line.IndexOf(' ', StringComparison.Ordinal)];
            var value = line[(key.Length + 1)..];
            result[key] = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : value;
        }

        return result;
    }
}
