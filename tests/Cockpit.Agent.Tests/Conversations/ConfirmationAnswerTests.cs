using Cockpit.Agent.Conversations;

namespace Cockpit.Agent.Tests.Conversations;

public sealed class ConfirmationAnswerTests
{
    [Theory]
    [InlineData("好的", true)]
    [InlineData("嗯", true)]
    [InlineData("嗯，好的。", true)]
    [InlineData("Yes please.", true)]
    [InlineData("OK, do it", true)]
    [InlineData("不用了", false)]
    [InlineData("嗯，不用了", false)]
    [InlineData("No thanks", false)]
    [InlineData("no, that’s wrong", false)]
    [InlineData("把温度调高", null)]
    [InlineData("yes and open the window", null)]
    [InlineData("好的，不用了", null)]
    [InlineData("um", null)]
    [InlineData("。", null)]
    public void Read_Utterance_YesNoOrNotAnAnswer(string text, bool? expected) =>
        Assert.Equal(expected, ConfirmationAnswer.Read(text));
}
