using Cockpit.Understanding.Text;

namespace Cockpit.Understanding.Tests.Text;

public class NumeralsTests
{
    [Theory]
    [InlineData("二十二", 22)]
    [InlineData("二十二点五", 22.5)]
    [InlineData("十", 10)]
    [InlineData("十五", 15)]
    [InlineData("两", 2)]
    [InlineData("一百", 100)]
    [InlineData("两百五十", 250)]
    [InlineData("一百零五", 105)]
    [InlineData("百分之五十", 50)]
    [InlineData("二十二度", 22)]
    [InlineData("三档", 3)]
    [InlineData("二十度半", 20.5)]
    [InlineData("第二个", 2)]
    [InlineData("二二", 22)]
    [InlineData("22", 22)]
    [InlineData("22.5", 22.5)]
    [InlineData("５０%", 50)]
    [InlineData("50 percent", 50)]
    [InlineData("twenty two", 22)]
    [InlineData("twenty-two", 22)]
    [InlineData("twenty two point five", 22.5)]
    [InlineData("a hundred", 100)]
    [InlineData("one hundred and five", 105)]
    [InlineData("fifteen", 15)]
    [InlineData("the second", 2)]
    [InlineData("level three", 3)]
    [InlineData("zero", 0)]
    public void TryParse_SpokenNumber_Value(string text, double expected)
    {
        var ok = Numerals.TryParse(text, out var value);

        Assert.True(ok);
        Assert.Equal(expected, value, 3);
    }

    [Theory]
    [InlineData("")]
    [InlineData("温度")]
    [InlineData("degrees")]
    [InlineData(null)]
    public void TryParse_NoNumber_False(string? text)
    {
        var ok = Numerals.TryParse(text, out _);

        Assert.False(ok);
    }
}
