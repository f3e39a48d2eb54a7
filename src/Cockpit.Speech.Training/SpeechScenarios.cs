using System.Text;
using System.Text.Json.Nodes;

namespace Cockpit.Speech.Training;

/// <summary>
/// Turns a scenario file (shared/eval/SCENARIOS.md) into its voice twin: every <c>text</c>, of a scenario or of a turn,
/// is spoken by a held-out espeak-ng voice into <c>clips/&lt;id&gt;[-turn].wav</c> and replaced by <c>audio</c>; the
/// expectations are the file's own, so <c>eval</c> on the twin measures speech to action against an answer key written
/// apart from the recogniser.
/// </summary>
internal sealed class SpeechScenarios(TextWriter log)
{
    public const string ClipDirectory = "clips";

    public async Task<int> BuildAsync(string scenarioFile, string outputDirectory, int seed)
    {
        Directory.CreateDirectory(Path.Combine(outputDirectory, ClipDirectory));
        var rng = new Random(seed);
        var output = new StringBuilder();
        var clips = 0;
        foreach (var line in File.ReadLines(scenarioFile, Encoding.UTF8))
        {
            if (line.TrimStart().StartsWith("//", StringComparison.Ordinal) || line.Trim().Length == 0)
            {
                continue;
            }

            var scenario = JsonNode.Parse(line)!.AsObject();
            var id = (string)scenario["id"]!;
            var lang = (string?)scenario["lang"] ?? "zh";
            if (scenario["turns"] is JsonArray turns)
            {
                for (var i = 0; i < turns.Count; i++)
                {
                    clips += await SpeakAsync(turns[i]!.AsObject(), lang, $"{id}-{i + 1}", outputDirectory, rng) ? 1 : 0;
                }
            }
            else
            {
                clips += await SpeakAsync(scenario, lang, id, outputDirectory, rng) ? 1 : 0;
            }

            output.AppendLine(scenario.ToJsonString());
        }

        var twin = Path.Combine(outputDirectory, Path.GetFileName(scenarioFile));
        await File.WriteAllTextAsync(twin, output.ToString(), new UTF8Encoding(false));
        log.WriteLine($"{clips} clips spoken by held-out voices; scenarios in {twin}");
        return 0;
    }

    private async Task<bool> SpeakAsync(JsonObject utterance, string lang, string name, string outputDirectory, Random rng)
    {
        if ((string?)utterance["text"] is not { } text)
        {
            return false;
        }

        var (voice, rate, pitch) = SpeechVoices.Test(lang, rng);
        var speech = await SpeechVoices.Synthesizer(voice).SynthesizeAsync(SpokenText.Speakable(text, lang), lang, rate, pitch);
        var relative = $"{ClipDirectory}/{name}.wav";
        await using (var file = File.Create(Path.Combine(outputDirectory, relative)))
        {
            speech.WriteWav(file);
        }

        utterance.Remove("text");
        utterance["audio"] = relative;
        log.WriteLine($"  {relative}: {voice} at {rate} wpm: {text}");
        return true;
    }
}
