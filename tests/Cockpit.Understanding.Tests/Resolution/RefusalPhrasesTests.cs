using System.Text.Json;
using System.Text.RegularExpressions;
using Cockpit.Understanding.Catalog;
using Cockpit.Understanding.Resolution;

namespace Cockpit.Understanding.Tests.Resolution;

/// <summary>The words of refusals (<c>Resolution/refusals.json</c>): every phrase in both languages, every hole one the resolver fills.</summary>
public sealed partial class RefusalPhrasesTests
{
    private static readonly string[] Holes = ["what", "zone", "top", "min", "max", "unit"];

    [Fact]
    public void EveryPhrase_BothLanguagesAndOnlyKnownHoles()
    {
        using var stream = typeof(ActionResolver).Assembly.GetManifestResourceStream("Cockpit.Understanding.Resolution.refusals.json")!;
        var phrases = JsonSerializer.Deserialize<Dictionary<string, LocalizedText>>(stream)!;

        Assert.NotEmpty(phrases);
        Assert.All(phrases, pair =>
        {
            Assert.False(string.IsNullOrWhiteSpace(pair.Value.Zh), pair.Key);
            Assert.False(string.IsNullOrWhiteSpace(pair.Value.En), pair.Key);
            Assert.Subset(Holes.ToHashSet(), HolePattern().Matches(pair.Value.Zh + pair.Value.En).Select(m => m.Groups[1].Value).ToHashSet());
        });
    }

    [Theory]
    [InlineData("seat.heating", "set", "座椅加热可调档位是1到3档", "The seat heating has levels 1 to 3.")]
    [InlineData("teleporter", "on", "这个功能暂不支持", "I can't do that yet.")]
    public void Resolve_Refused_PhraseFilledInBothLanguages(string function, string op, string zh, string en)
    {
        var call = new ActionCall { Function = function, Operation = op, Value = op == "set" ? ActionValue.FromLevel(7) : null };

        var refusal = new ActionResolver(ActionCatalog.Default).Resolve([call], Seat.Driver, _ => null, null).Actions.Single().Refusal!;

        Assert.Equal((zh, en), (refusal.Message.Zh, refusal.Message.En));
    }

    [GeneratedRegex(@"\{([a-z]+)\}")]
    private static partial Regex HolePattern();
}
