using Cockpit.Understanding.Text;

namespace Cockpit.Understanding.Tests.Text;

public class NumeralsTests
{
    [Theory]
    [InlineData("二十二", 22)]
    [InlineData("百分之百", 100)]
    [InlineData("twenty one and a half", 21.5)]
    [InlineData("half a degree", 0.5)]
    [InlineData("a couple of degrees", 2)]
    [InlineData("couple", 2)]
    [InlineData("22 and a half", 22.5)]
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
    [InlineData("三万四千", 34000)]
    [InlineData("一亿五千万", 150_000_000)]
    [InlineData("两亿", 200_000_000)]
    [InlineData("九千九百九十九万亿", 9_999_000_000_000_000)]
    [InlineData("999999999", 999_999_999)]
    [InlineData("twenty thousand", 20000)]
    public void TryParse_LargeNumber_ExactValue(string text, double expected)
    {
        var ok = Numerals.TryParse(text, out var value);

        Assert.True(ok);
        Assert.Equal(expected, value);
    }

    // The sign said before a number, in either language and on digits; a hyphen that joins words or numbers is no sign.
    [Theory]
    [InlineData("负二十", -20)]
    [InlineData("负二十度", -20)]
    [InlineData("负二十二点五度", -22.5)]
    [InlineData("负一百", -100)]
    [InlineData("百分之负五十", -50)]
    [InlineData("零下二十度", -20)]
    [InlineData("零下五度半", -5.5)]
    [InlineData("负20度", -20)]
    [InlineData("零下5度", -5)]
    [InlineData("-20", -20)]
    [InlineData("-20 degrees", -20)]
    [InlineData("to -22.5", -22.5)]
    [InlineData("\u221220", -20)]
    [InlineData("\u2212 20 degrees", -20)]
    [InlineData("－２０", -20)]
    [InlineData("调到-20度", -20)]
    [InlineData("minus 20", -20)]
    [InlineData("negative 20 degrees", -20)]
    [InlineData("minus twenty", -20)]
    [InlineData("Minus twenty-two point five", -22.5)]
    [InlineData("negative twenty", -20)]
    [InlineData("minus a hundred", -100)]
    [InlineData("-twenty", -20)]
    [InlineData("\u2212twenty", -20)]
    [InlineData("twenty-two", 22)]
    [InlineData("20-22", 20)]
    [InlineData("level-2", 2)]
    [InlineData("minus-20", -20)]
    [InlineData("zero", 0)]
    public void TryParse_Sign_SignedValue(string text, double expected)
    {
        var ok = Numerals.TryParse(text, out var value);

        Assert.True(ok);
        Assert.Equal(expected, value, 3);
    }

    // A numeral too long for a 64-bit integer keeps its size instead of wrapping round (2^64 + 22 used to read as 22), and
    // one beyond a double's range stays finite.
    [Theory]
    [InlineData("一二三四五六七八九零一二三四五六七八九零", 1.2345678901234568e19)]
    [InlineData("一八四四六七四四零七三七零九五五一六三八", 1.8446744073709552e19)]
    [InlineData("18446744073709551638", 1.8446744073709552e19)]
    [InlineData("一八四四六七四四零七三七零九五五一六三八度", 1.8446744073709552e19)]
    [InlineData("负一八四四六七四四零七三七零九五五一六三八", -1.8446744073709552e19)]
    [InlineData("九千九百九十九万亿亿", 9.999e23)]
    [InlineData("a hundred hundred hundred hundred hundred hundred hundred hundred hundred hundred", 1e20)]
    public void TryParse_Overflow_KeepsTheMagnitude(string text, double expected)
    {
        var ok = Numerals.TryParse(text, out var value);

        Assert.True(ok);
        Assert.InRange(value / expected, 0.999_999, 1.000_001);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(-1)]
    public void TryParse_BeyondDoubleRange_SaturatesFinite(int sign)
    {
        var digits = (sign < 0 ? "-" : "") + new string('9', 400);
        var chinese = (sign < 0 ? "负" : "") + "九" + string.Concat(Enumerable.Repeat("亿", 50));

        Assert.True(Numerals.TryParse(digits, out var fromDigits));
        Assert.True(Numerals.TryParse(chinese, out var fromChinese));
        Assert.Equal(sign * double.MaxValue, fromDigits);
        Assert.Equal(sign * double.MaxValue, fromChinese);
    }

    [Theory]
    [InlineData("")]
    [InlineData("温度")]
    [InlineData("degrees")]
    [InlineData(null)]
    [InlineData("负")]
    [InlineData("零下")]
    [InlineData("minus")]
    [InlineData("-")]
    [InlineData("负degrees")]
    public void TryParse_NoNumber_False(string? text)
    {
        var ok = Numerals.TryParse(text, out _);

        Assert.False(ok);
    }
}
