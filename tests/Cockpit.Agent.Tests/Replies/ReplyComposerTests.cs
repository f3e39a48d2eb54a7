using Cockpit.Agent.Replies;
using Cockpit.Understanding;
using Cockpit.Understanding.Catalog;
using Cockpit.Understanding.Resolution;

namespace Cockpit.Agent.Tests.Replies;

/// <summary>The question asked before doing what was understood too weakly to do unasked.</summary>
public sealed class ReplyComposerTests
{
    private readonly ReplyComposer _replies = new(ActionCatalog.Default);
    private readonly ActionResolver _resolver = new(ActionCatalog.Default);

    [Theory]
    [InlineData("zh", "您是想将屏幕亮度调高到90%吗？")]
    [InlineData("en", "Do you want me to turn the screen brightness up to 90 percent?")]
    public void AskToConfirm_RelativeChange_NamesTheValueItWouldSet(string language, string expected)
    {
        var actions = Resolve(new ActionCall { Function = "display.brightness", Operation = "up" });

        Assert.Equal(expected, _replies.AskToConfirm(language, actions));
    }

    [Theory]
    [InlineData("zh", "您是想打开天窗，再打开空调吗？")]
    [InlineData("en", "Do you want me to open the sunroof and turn on the A/C?")]
    public void AskToConfirm_TwoActions_AsksForBothInOrder(string language, string expected)
    {
        var actions = Resolve(new ActionCall { Function = "sunroof", Operation = "open" }, new ActionCall { Function = "climate.ac", Operation = "on" });

        Assert.Equal(expected, _replies.AskToConfirm(language, actions));
    }

    private IReadOnlyList<ResolvedAction> Resolve(params ActionCall[] calls) =>
        _resolver.Resolve(calls, Seat.Driver, path => path.EndsWith("Brightness", StringComparison.Ordinal) ? 70f : null, null).Actions;
}
