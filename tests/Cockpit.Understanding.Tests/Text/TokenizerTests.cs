using Cockpit.Understanding.Text;
using FsCheck.Xunit;

namespace Cockpit.Understanding.Tests.Text;

public class TokenizerTests
{
    private static readonly Tokenizer Small = new(
        [Tokenizer.Pad, Tokenizer.Unknown, .. Enumerable.Range(0, 256).Select(b => Tokenizer.ByteToken((byte)b)),
         "温", "度", "调", "到", "2", "turn", "on", "the", "air", "##con", "con", "a", "##c", "##o", "##n", "##d"]);

    [Fact]
    public void Encode_Chinese_OneTokenPerCharacter()
    {
        var tokens = Small.Encode("温度调到22");

        Assert.Equal(["温", "度", "调", "到", "2", "2"], tokens.Select(t => Small.TokenText(t.Id)));
        Assert.Equal([0, 1, 2, 3, 4, 5], tokens.Select(t => t.Start));
    }

    [Fact]
    public void Encode_UnknownWord_FallsBackToPieces()
    {
        var tokens = Small.Encode("Turn on the aircon");

        Assert.Equal(["turn", "on", "the"], tokens.Take(3).Select(t => Small.TokenText(t.Id)));
        Assert.Contains(tokens, t => Small.TokenText(t.Id) == "##con");
        Assert.All(tokens, t => Assert.NotEqual(Small.UnknownId, t.Id));
    }

    [Fact]
    public void Encode_UnseenCharacter_FallsBackToUtf8Bytes()
    {
        var tokens = Small.Encode("鑫");

        Assert.Equal(["<0xE9>", "<0x91>", "<0xAB>"], tokens.Select(t => Small.TokenText(t.Id)));
        Assert.All(tokens, t => Assert.Equal((0, 1), (t.Start, t.Length)));
    }

    [Fact]
    public void Encode_FullWidthDigits_FoldToAscii()
    {
        var tokens = Small.Encode("２");

        Assert.Equal("2", Small.TokenText(Assert.Single(tokens).Id));
    }

    [Property(MaxTest = 500)]
    public bool Encode_AnyString_NeverFailsAndStaysInside(string? text)
    {
        text ??= "";
        var tokens = Small.Encode(text);

        return tokens.All(t => t.Start >= 0 && t.End <= text.Length && t.Id >= 0 && t.Id < Small.VocabularySize);
    }

    [Fact]
    public void Encode_EmojiAndSurrogates_NeverFail()
    {
        var tokens = Small.Encode("打开😀空调\uD800x");

        Assert.NotEmpty(tokens);
    }
}
