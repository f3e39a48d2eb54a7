using Cockpit.Speech.Recognition;

namespace Cockpit.Speech.Tests.Recognition;

public sealed class PromptBuilderTests
{
    [Fact]
    public void Build_Vocabulary_JoinsDistinctEntriesInOrderUpToTheLimit()
    {
        string[] words = ["天窗", "除雾", " 天窗 ", "", "defroster", "主驾", "Sunroof", "sunroof"];

        Assert.Equal("天窗, 除雾, defroster, 主驾, Sunroof", PromptBuilder.Build(words, 600));
        Assert.Equal("天窗, 除雾", PromptBuilder.Build(words, 8));
        Assert.Null(PromptBuilder.Build(words, 0));
        Assert.Null(PromptBuilder.Build([], 600));
        Assert.Null(PromptBuilder.Build(null, 600));
    }
}
