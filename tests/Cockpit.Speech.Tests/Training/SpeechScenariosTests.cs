using System.Text.Json.Nodes;
using Cockpit.Speech.Training;

namespace Cockpit.Speech.Tests.Training;

/// <summary>
/// The voice twin of a scenario file: each text, of a scenario and of every turn, becomes a WAV clip spoken by espeak-ng
/// and an <c>audio</c> field; everything else, the answer key above all, is kept as written.
/// </summary>
public sealed class SpeechScenariosTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cockpit-speech-scenarios-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Build_TextScenariosAndTurns_SpokenIntoClipsWithTheirExpectationsKept()
    {
        Directory.CreateDirectory(_directory);
        var source = Path.Combine(_directory, "in.jsonl");
        await File.WriteAllLinesAsync(source,
        [
            "// two scenarios",
            """{"id":"zh-1","lang":"zh","text":"打开空调","expect":{"Vehicle.Cabin.HVAC.IsAirConditioningActive":true}}""",
            """{"id":"en-2","lang":"en","turns":[{"text":"open the trunk","outcome":"done"},{"text":"close it","outcome":"done"}]}""",
        ]);
        var output = Path.Combine(_directory, "voice");

        var rc = await new SpeechScenarios(TextWriter.Null).BuildAsync(source, output, seed: 1);

        Assert.Equal(0, rc);
        var twins = File.ReadAllLines(Path.Combine(output, "in.jsonl")).Select(line => JsonNode.Parse(line)!.AsObject()).ToList();
        Assert.Equal(2, twins.Count);
        Assert.Null(twins[0]["text"]);
        Assert.Equal("clips/zh-1.wav", (string?)twins[0]["audio"]);
        Assert.True((bool)twins[0]["expect"]!["Vehicle.Cabin.HVAC.IsAirConditioningActive"]!);
        var turns = twins[1]["turns"]!.AsArray().Select(turn => turn!.AsObject()).ToList();
        Assert.Equal(["clips/en-2-1.wav", "clips/en-2-2.wav"], turns.Select(turn => (string?)turn["audio"]));
        Assert.All(turns, turn => Assert.Equal("done", (string?)turn["outcome"]));
        foreach (var clip in new[] { "zh-1", "en-2-1", "en-2-2" })
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(output, SpeechScenarios.ClipDirectory, clip + ".wav"));
            Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
            Assert.True(bytes.Length > 44 + (16_000 * 2 / 4), $"{clip}: a quarter second of 16 kHz speech at least");
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
