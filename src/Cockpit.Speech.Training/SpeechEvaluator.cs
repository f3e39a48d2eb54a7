using System.Diagnostics;
using System.Globalization;
using System.Text;
using Cockpit.Speech;
using Cockpit.Speech.Recognition;
using Cockpit.Understanding.Text;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cockpit.Speech.Training;

/// <summary>One measured condition of the held-out set.</summary>
internal sealed record SpeechEvaluationResult(string Condition, int ZhClips, double Cer, int EnClips, double Wer, double SentenceAccuracy, double RealTimeFactor, double AudioSeconds);

/// <summary>
/// Measures a model file through the service's own recogniser (validator, Whisper.net, whisper.cpp greedy decoding,
/// hallucination filter, text normalisation) on the corpus' held-out clips (held-out phrasings × held-out voices),
/// clean and with cabin noise at given SNRs (noise seeded per clip, independent of training's).
/// </summary>
internal sealed class SpeechEvaluator(string corpusDirectory, TextWriter log)
{
    public async Task<List<SpeechEvaluationResult>> RunAsync(string modelPath, IReadOnlyList<double?> snrs, int limit, int threads, string? reportPath)
    {
        var entries = SpeechCorpus.ReadTestIndex(corpusDirectory);
        entries = [.. entries.Where(e => e.Lang == "zh").Take(limit / 2), .. entries.Where(e => e.Lang == "en").Take(limit - (limit / 2))];
        var clean = entries.Select(e => SpeechCorpus.ReadTestAudio(corpusDirectory, e)).ToList();
        await using var recognizer = WhisperRecognizer.Load(modelPath, new SpeechOptions { Threads = threads, ProcessorPoolSize = 1 }, NullLogger.Instance);
        await recognizer.RecognizeAsync(clean[0], entries[0].Lang, null, CancellationToken.None).ConfigureAwait(false);
        var results = new List<SpeechEvaluationResult>();
        var report = new StringBuilder();
        foreach (var snr in snrs)
        {
            var condition = snr is { } s ? $"{s.ToString(CultureInfo.InvariantCulture)} dB cabin noise" : "clean";
            long zhErrors = 0, zhUnits = 0, enErrors = 0, enUnits = 0;
            int zhClips = 0, enClips = 0, exact = 0;
            double seconds = 0, audioSeconds = 0;
            for (var i = 0; i < entries.Count; i++)
            {
                var entry = entries[i];
                var audio = snr is { } db ? CabinAugmenter.Apply(clean[i], entry.SpeechRms, db, 1.0, false, false, new Random(1_000_003 + i)) : clean[i];
                var watch = Stopwatch.StartNew();
                var result = await recognizer.RecognizeAsync(audio, entry.Lang, null, CancellationToken.None).ConfigureAwait(false);
                seconds += watch.Elapsed.TotalSeconds;
                audioSeconds += audio.Length / (double)LogMelFrontEnd.SampleRate;
                var hypothesis = SpokenText.Transcript(result.Text);
                var reference = ErrorRate.Units(entry.Transcript, entry.Lang);
                var heard = ErrorRate.Units(hypothesis, entry.Lang);
                var errors = EditDistance.Between<string>(reference, heard);
                if (entry.Lang == "zh")
                {
                    (zhErrors, zhUnits, zhClips) = (zhErrors + errors, zhUnits + reference.Length, zhClips + 1);
                }
                else
                {
                    (enErrors, enUnits, enClips) = (enErrors + errors, enUnits + reference.Length, enClips + 1);
                }

                exact += errors == 0 ? 1 : 0;
                if (errors > 0)
                {
                    report.AppendLine(CultureInfo.InvariantCulture, $"{condition}\t{entry.Voice}\t{entry.Rate}\t{entry.Template}\tref: {entry.Transcript}\thyp: {hypothesis}");
                }
            }

            var measured = new SpeechEvaluationResult(condition, zhClips, zhErrors / (double)Math.Max(1, zhUnits), enClips, enErrors / (double)Math.Max(1, enUnits), exact / (double)entries.Count, seconds / audioSeconds, audioSeconds);
            results.Add(measured);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{condition}: zh CER {measured.Cer:P2} ({zhClips} clips), en WER {measured.Wer:P2} ({enClips} clips), exact {measured.SentenceAccuracy:P1}, RTF {measured.RealTimeFactor:F4} ({threads} thread(s), {audioSeconds:F0} s of audio)"));
        }

        if (reportPath is not null)
        {
            await File.WriteAllTextAsync(reportPath, report.ToString()).ConfigureAwait(false);
        }

        return results;
    }
}
