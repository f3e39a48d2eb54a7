using Cockpit.Training.Training;
using Cockpit.Understanding.Text;

namespace Cockpit.Understanding.Tests.Training;

public class UnseenCharactersTests
{
    private static readonly Tokenizer Tokenizer = new([Tokenizer.Pad, Tokenizer.Unknown, .. Enumerable.Range(0, 256).Select(b => Tokenizer.ByteToken((byte)b)), "去", "静", "安", "寺"]);

    [Fact]
    public void Apply_EveryCharacter_SpelledAsTheBytesOfAnUnseenOne()
    {
        var seen = Tokenizer.Encode("去静安寺");

        var spelled = new UnseenCharacters(Tokenizer, rate: 1, seed: 1).Apply("去静安寺", seen);

        // Exactly what the tokenizer gives for characters it lacks, offsets included.
        var unseen = new Tokenizer([Tokenizer.Pad, Tokenizer.Unknown, .. Enumerable.Range(0, 256).Select(b => Tokenizer.ByteToken((byte)b))]).Encode("去静安寺");
        Assert.Equal(12, spelled.Count);
        Assert.Equal(unseen, spelled);
    }

    [Fact]
    public void Apply_RateZero_LeavesTokens()
    {
        var seen = Tokenizer.Encode("去静安寺 ok");

        Assert.Equal(seen, new UnseenCharacters(Tokenizer, rate: 0, seed: 1).Apply("去静安寺 ok", seen));
    }
}
