using Cockpit.Agent.Conversations;

namespace Cockpit.Agent.Tests.Conversations;

/// <summary>The pipeline's cancellation words (<c>cancellations</c> in the replies' phrase file).</summary>
public sealed class CancellationTests
{
    // TEMPORARY with the pipeline's cancellation words (until the model has an intent for them).
    [Theory]
    [InlineData("把座椅加热打开，哦不对，算了", true)]
    [InlineData("算了算了，不调了", true)]
    [InlineData("Oh, never mind.", true)]
    [InlineData("forget it", true)]
    [InlineData("今天天气不错", false)]
    [InlineData("what a lovely day it is", false)]
    public void IsCancellation_Utterance_TakesARequestBackOrNot(string text, bool expected) =>
        Assert.Equal(expected, AgentPipeline.IsCancellation(text));
}
