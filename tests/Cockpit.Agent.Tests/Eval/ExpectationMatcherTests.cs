using System.Text.Json;
using Cockpit.Agent.Evaluation;
using Kuksa.Val.V2;

namespace Cockpit.Agent.Tests.Eval;

public sealed class ExpectationMatcherTests
{
    public static TheoryData<string, DataType, object?, object?, string?> Cases => new()
    {
        // expected JSON                type               before   after     failure
        { "22",                         DataType.Float,    20f,     22.04f,   null },
        { "22",                         DataType.Float,    20f,     22.06f,   "expected 22, got 22.06" },
        { "50",                         DataType.Uint8,    0,       50,       null },
        { "50",                         DataType.Uint8,    0,       51,       "expected 50, got 51" },
        { "true",                       DataType.Boolean,  false,   true,     null },
        { "true",                       DataType.Boolean,  false,   false,    "expected true, got false" },
        { "\"BLUE\"",                   DataType.String,   "WHITE", "BLUE",   null },
        { "\"BLUE\"",                   DataType.String,   "WHITE", "blue",   "expected \"BLUE\", got \"blue\"" },
        { """{"min":21.5,"max":23.5}""", DataType.Float,   24f,     22f,      null },
        { """{"min":21.5,"max":23.5}""", DataType.Float,   24f,     24f,      """expected {"min":21.5,"max":23.5}, got 24""" },
        { """{"min":33}""",             DataType.Int8,     0,       67,       null },
        { """{"changed":true}""",       DataType.String,   "晴天",  "七里香",  null },
        { """{"changed":true}""",       DataType.String,   "晴天",  "晴天",    "expected a change from \"晴天\", got \"晴天\"" },
        { "22",                         DataType.Float,    20f,     null,     "expected 22, got no value" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Check_Value_FollowsScenarioRules(string expected, DataType type, object? before, object? after, string? failure)
    {
        using var json = JsonDocument.Parse(expected);

        var result = ExpectationMatcher.Check(json.RootElement, type, before, after);

        Assert.Equal(failure, result);
    }
}
