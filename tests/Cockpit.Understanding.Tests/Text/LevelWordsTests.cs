using Cockpit.Understanding.Text;

namespace Cockpit.Understanding.Tests.Text;

/// <summary>Levels said as words: low is the first level, high the top one, medium the middle, of the function's levels.</summary>
public sealed class LevelWordsTests
{
    [Theory]
    [InlineData("low", 3, 1)]
    [InlineData("High", 3, 3)]
    [InlineData("high", 5, 5)]
    [InlineData("medium", 3, 2)]
    [InlineData("medium", 5, 3)]
    [InlineData("高档", 3, 3)]
    [InlineData("低档", 5, 1)]
    [InlineData("中档", 3, 2)]
    public void Read_LevelWord_TheLevelAmongTheFunctions(string said, int levels, int expected) =>
        Assert.Equal(expected, LevelWords.Read(said, levels));

    [Theory]
    [InlineData("highway", 3)]
    [InlineData("level two", 3)]
    [InlineData("high", 0)]
    public void Read_NoLevelWord_Null(string said, int levels) =>
        Assert.Null(LevelWords.Read(said, levels));

    [Fact]
    public void Find_WholeWordsOnly_WhereTheLevelIsSaid()
    {
        const string text = "follow the car and put my seat heater on low";

        Assert.Equal([(text.Length - 3, text.Length)], LevelWords.Find(text, 1, 3));
        Assert.Empty(LevelWords.Find(text, 3, 3));
    }
}
