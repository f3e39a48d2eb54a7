using Cockpit.Agent.V1;
using Cockpit.Testing;
using Grpc.Core;

namespace Cockpit.Agent.Tests.Grpc;

/// <summary>GetReport: the accuracy report of the interaction log over gRPC, with the watch scope.</summary>
public sealed class GetReportTests(EmbeddedCockpit cockpit) : IClassFixture<EmbeddedCockpit>
{
    [Fact]
    public async Task GetReport_LabelledTurns_AccuracyOutcomesLatencyAndWorst()
    {
        using var channel = cockpit.CreateAgentChannel();
        var agent = new V1.Agent.AgentClient(channel);
        var right = await agent.ConverseAsync(new ConverseRequest { Text = "打开空调", Language = "zh" });
        var wrong = await agent.ConverseAsync(new ConverseRequest { Text = "open the sunroof", Language = "en" });
        cockpit.Interactions.Label(right.InteractionId, correct: true, "eval");
        cockpit.Interactions.Label(wrong.InteractionId, correct: false, "eval");
        var expected = cockpit.Interactions.ReadAll();

        var report = await agent.GetReportAsync(new GetReportRequest());

        Assert.Equal(((uint)expected.Count, 2u), (report.Interactions, report.Labelled));
        Assert.Equal((2u, 1u, 0.5), (report.Overall.Total, report.Overall.Correct, report.Overall.Accuracy));
        Assert.Equal((1u, 1.0), (report.ByLanguage["zh"].Total, report.ByLanguage["zh"].Accuracy));
        Assert.Equal((1u, 0.0), (report.ByLanguage["en"].Total, report.ByLanguage["en"].Accuracy));
        Assert.Equal((uint)expected.Count, (uint)report.Outcomes.Values.Sum(count => count));
        Assert.Equal(["execution", "total", "understanding"], report.Latency.Keys.Order(StringComparer.Ordinal));
        Assert.True(report.Latency["total"].MaxMs > 0);
        var worst = Assert.Single(report.Worst);
        Assert.Equal(("open the sunroof", "en", 1u), (worst.Transcript, worst.Language, worst.Times));
    }

    [Fact]
    public async Task GetReport_NoToken_UnauthenticatedAndTooManyWorst_InvalidArgument()
    {
        using var anonymous = GrpcChannels.ForAddress(cockpit.AgentAddress, token: null);
        using var channel = cockpit.CreateAgentChannel();

        var unauthenticated = await Assert.ThrowsAsync<RpcException>(() => new V1.Agent.AgentClient(anonymous).GetReportAsync(new GetReportRequest()).ResponseAsync);
        var tooMany = await Assert.ThrowsAsync<RpcException>(() => new V1.Agent.AgentClient(channel).GetReportAsync(new GetReportRequest { Worst = 101 }).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, unauthenticated.StatusCode);
        Assert.Equal((StatusCode.InvalidArgument, "worst: 101 utterances asked for; at most 100 are listed"), (tooMany.StatusCode, tooMany.Status.Detail));
    }
}
