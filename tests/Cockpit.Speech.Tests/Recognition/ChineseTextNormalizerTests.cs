using Cockpit.Speech.Recognition;

namespace Cockpit.Speech.Tests.Recognition;

public sealed class ChineseTextNormalizerTests
{
    [Theory]
    [InlineData("打開天窗", "打开天窗")]
    [InlineData("主駕溫度調到２２度", "主驾温度调到22度")]
    [InlineData("打開後擋風玻璃除霧！", "打开后挡风玻璃除雾!")]
    [InlineData("把空調關了，謝謝", "把空调关了,谢谢")]
    [InlineData("打开 天窗", "打开天窗")]
    [InlineData("  open　the   sunroof ", "open the sunroof")]
    [InlineData("播放周杰倫的晴天", "播放周杰伦的晴天")]
    [InlineData("Set ｔｅｍｐ to 22", "Set temp to 22")]
    public void Normalize_WhisperOutput_BecomesSimplifiedHalfWidth(string input, string expected)
    {
        Assert.Equal(expected, ChineseTextNormalizer.Normalize(input));
    }

    [Fact]
    public void Pairs_EachTraditionalCharacter_MapsToOneSimplifiedCharacter()
    {
        var pairs = ChineseTextNormalizer.Pairs;
        var targets = new Dictionary<char, char>();

        for (var i = 0; i < pairs.Length; i += 2)
        {
            if (targets.TryGetValue(pairs[i], out var earlier))
            {
                Assert.Equal(earlier, pairs[i + 1]);
            }

            targets[pairs[i]] = pairs[i + 1];
        }

        Assert.Equal(0, pairs.Length % 2);
        Assert.All(targets.Values, simplified => Assert.False(targets.ContainsKey(simplified) && targets[simplified] != simplified, $"{simplified} is itself mapped"));
    }
}
