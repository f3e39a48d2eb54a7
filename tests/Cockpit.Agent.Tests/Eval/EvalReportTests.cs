using System.Text.Json;
using Cockpit.Agent.Evaluation;
using Cockpit.Understanding;

namespace Cockpit.Agent.Tests.Eval;

public sealed class EvalReportTests
{
    [Fact]
    public void ToJson_Results_HasTheFieldsOfScenariosMd()
    {
        ScenarioResult Result(string id, string language, bool passed, params double[] latencies) =>
            new(new Scenario(id, language, Seat.Driver, new Dictionary<string, JsonElement>(), [], 1), passed ? [] : ["outcome: expected done, got refused"], latencies);
        var report = EvalReport.From([Result("a", "zh", true, 2, 4), Result("b", "en", false, 6), Result("c", "en", true, 8)]);

        using var json = JsonDocument.Parse(report.ToJson());

        var root = json.RootElement;
        Assert.Equal(3, root.GetProperty("total").GetInt32());
        Assert.Equal(2, root.GetProperty("passed").GetInt32());
        Assert.Equal(1, root.GetProperty("failed").GetInt32());
        Assert.Equal(0.6667, root.GetProperty("accuracy").GetDouble());
        Assert.Equal(1, root.GetProperty("by_lang").GetProperty("en").GetProperty("passed").GetInt32());
        Assert.Equal(4, root.GetProperty("latency_ms").GetProperty("p50").GetDouble());
        Assert.Equal(8, root.GetProperty("latency_ms").GetProperty("max").GetDouble());
        Assert.Equal("b", root.GetProperty("failures")[0].GetProperty("id").GetString());
    }
}
