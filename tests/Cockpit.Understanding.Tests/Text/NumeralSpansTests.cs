using Cockpit.Understanding.Text;

namespace Cockpit.Understanding.Tests.Text;

public class NumeralSpansTests
{
    [Theory]
    [InlineData("volume sixty-nine %", "nine", "sixty-nine")]
    [InlineData("音乐音量调至八十七", "七", "八十七")]
    [InlineData("温度调到二十二度", "二十", "二十二")]
    [InlineData("put the fan on twenty two", "twenty", "twenty two")]
    [InlineData("音量调到五一下", "五", "五")]
    [InlineData("give me a 5", "5", "5")]
    [InlineData("seat heating to level 2", "2", "2")]
    [InlineData("temp to 30.5 degrees", "30", "30.5")]
    [InlineData("temp to 30.5 degrees", "5", "30.5")]
    [InlineData("set it to 2. then stop", "2", "2")]
    [InlineData("massage a hundred and fifty nine percent", "fifty nine", "hundred and fifty nine")]
    [InlineData("volume ten and fifty", "fifty", "fifty")]
    [InlineData("brightness thirty-eight percent thirty-eight percent", "thirty-eight percent", "thirty-eight percent")]
    [InlineData("温度调到二十度二十二度", "二十度", "二十度")]
    [InlineData("温度定在十九点五度", "十九点", "十九点五")]
    [InlineData("把温度调到九千九百九十九万亿度", "九百九十九", "九千九百九十九万亿")]
    [InlineData("把温度调到负二十度", "二十", "负二十")]
    [InlineData("把温度调到零下二十度", "二十", "零下二十")]
    [InlineData("把温度调低负五度", "五", "负五")]
    [InlineData("把温度调到负20度", "20", "负20")]
    [InlineData("set the temperature to minus 20 degrees", "20", "minus 20")]
    [InlineData("set the temperature to negative twenty two", "two", "negative twenty two")]
    [InlineData("volume to minus a hundred", "a hundred", "minus a hundred")]
    [InlineData("set it to -20", "20", "-20")]
    [InlineData("set it to \u221220 degrees", "20", "\u221220")]
    [InlineData("set it to twenty-two", "two", "twenty-two")]
    [InlineData("between 20-22 degrees", "22", "22")]
    [InlineData("温度调到二十度负责人", "二十", "二十")]
    public void Widen_PartOfANumber_WholeNumber(string text, string marked, string expected)
    {
        var start = text.IndexOf(marked, StringComparison.Ordinal);

        var (s, e) = NumeralSpans.Widen(text, start, start + marked.Length);

        Assert.Equal(expected, text[s..e]);
    }

    [Theory]
    [InlineData("fan to 30 %", "30", true)]
    [InlineData("fan to 30 percent", "30", true)]
    [InlineData("风量百分之三十", "三十", true)]
    [InlineData("fan to 3", "3", false)]
    public void IsPercent_Number_SaidAsPercentage(string text, string number, bool expected)
    {
        var start = text.IndexOf(number, StringComparison.Ordinal);

        Assert.Equal(expected, NumeralSpans.IsPercent(text, start, start + number.Length));
    }
}
