using Cockpit.Agent.Evaluation;
using Cockpit.Testing;
using Cockpit.Understanding;

namespace Cockpit.Agent.Tests.Eval;

public sealed class ScenarioFileReaderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cockpit-scenarios-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Read_SharedSamples_ReadsEveryScenario()
    {
        var scenarios = ScenarioFileReader.Read(SharedFiles.Find("eval/sample.jsonl"));

        Assert.Equal(29, scenarios.Count);
        var followUp = scenarios.Single(scenario => scenario.Id == "en-followup-001");
        Assert.Equal(2, followUp.Turns.Count);
        Assert.Equal("a bit warmer", followUp.Turns[1].Text);
        Assert.Equal("refused", scenarios.Single(scenario => scenario.Id == "zh-trunk-002").Turns[0].Outcome);
    }

    [Fact]
    public void Read_CommentsBlankLinesSeatAndAudio_Understood()
    {
        var path = Write("""
            // a comment

            {"id":"a","lang":"zh","text":"打开车窗","seat":"rear_right","given":{"Vehicle.Speed":0}}
            {"id":"b","lang":"en","audio":"clips/b.wav","expect_hmi":{"app":"media"}}
            """);

        var scenarios = ScenarioFileReader.Read(path);

        Assert.Equal(Seat.RearRight, scenarios[0].Seat);
        Assert.Equal(3, scenarios[0].Line);
        Assert.Equal(Path.Combine(_directory, "clips", "b.wav"), scenarios[1].Turns[0].AudioPath);
        Assert.Equal("done", scenarios[1].Turns[0].Outcome);
    }

    [Theory]
    [InlineData("""{"id":"a","lang":"zh"}""", "exactly one of 'text', 'audio' or 'turns' is required")]
    [InlineData("""{"id":"a","lang":"fr","text":"bonjour"}""", "'lang' must be zh or en, not 'fr'")]
    [InlineData("""{"lang":"zh","text":"x"}""", "'id' is required")]
    [InlineData("""{"id":"a","lang":"zh","text":"x","outcome":"maybe"}""", "'outcome' must be one of done, refused, not_understood, clarify, answered, not 'maybe'")]
    [InlineData("""{"id":"a","lang":"zh","text":"x","seat":"roof"}""", "'seat': ")]
    [InlineData("""{"id":"a","lang":"zh","text":"x","expected":{}}""", "unknown field 'expected'")]
    [InlineData("""{"id":"a","lang":"zh","turns":[{"text":"x","expect":{},"note":1}]}""", "turn 1: unknown field 'note'")]
    [InlineData("""{"id":"a","lang":"zh","turns":[]}""", "'turns' must be a non-empty array")]
    [InlineData("""{"id":"a","lang":"zh","text":"x","given":[1]}""", "'given' must be an object")]
    [InlineData("{\"id\":\"a\",\"text\":\"x\"", "not valid JSON")]
    public void Read_MalformedLine_ErrorNamesFileLineAndProblem(string line, string problem)
    {
        var path = Write("// header\n" + line);

        var error = Assert.Throws<ScenarioFileException>(() => ScenarioFileReader.Read(path));

        Assert.StartsWith($"{path}:2: {problem}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DuplicateId_Rejected()
    {
        var path = Write("""
            {"id":"a","lang":"zh","text":"x"}
            {"id":"a","lang":"en","text":"y"}
            """);

        var error = Assert.Throws<ScenarioFileException>(() => ScenarioFileReader.Read(path));

        Assert.Equal($"{path}:2: id 'a' is used twice", error.Message);
    }

    private string Write(string content)
    {
        var path = Path.Combine(_directory, "scenarios.jsonl");
        File.WriteAllText(path, content);
        return path;
    }
}
