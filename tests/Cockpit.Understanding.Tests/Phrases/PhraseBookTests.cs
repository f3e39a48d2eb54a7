using System.Text.Json;
using Cockpit.Understanding.Catalog;
using Cockpit.Understanding.Phrases;

namespace Cockpit.Understanding.Tests.Phrases;

/// <summary>The phrase files: both languages say everything, overrides name what exists, and the words listened for are heard.</summary>
public sealed class PhraseBookTests
{
    [Theory]
    [InlineData("replies.json")]
    [InlineData("answers.json")]
    public void File_EveryPhrase_InBothLanguages(string file)
    {
        var languages = Read(file);

        var zh = languages["zh"].Keys.Where(key => !key.Contains('@', StringComparison.Ordinal)).Order(StringComparer.Ordinal);
        var en = languages["en"].Keys.Where(key => !key.Contains('@', StringComparison.Ordinal)).Order(StringComparer.Ordinal);

        Assert.Equal(zh, en);
    }

    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    public void Replies_Overrides_NameACatalogFunctionAndAPhraseOrNoun(string language)
    {
        var phrases = Read("replies.json")[language];
        var nouns = new[] { "one", "many" };

        var foreign = phrases.Keys.Where(key => key.Contains('@', StringComparison.Ordinal))
            .Select(key => key.Split('@'))
            .Where(parts => ActionCatalog.Default.FindFunction(parts[1]) is null || !(phrases.ContainsKey(parts[0]) || nouns.Contains(parts[0]) || parts[0] is "done" or "ask"))
            .Select(parts => string.Join('@', parts));

        Assert.Empty(foreign);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("no")]
    [InlineData("fillers")]
    [InlineData("corrections")]
    [InlineData("cancellations")]
    public void Replies_WordsListenedFor_InBothLanguages(string key)
    {
        var languages = Read("replies.json");

        Assert.All(languages.Values, phrases => Assert.NotEmpty(phrases[key].EnumerateArray()));
        Assert.Equal(languages.Values.Sum(phrases => phrases[key].GetArrayLength()), PhraseBook.Replies.ListInAll(key).Count);
    }

    [Fact]
    public void Get_MissingPhrase_SaysWhichFileAndKey()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => PhraseBook.Replies.Get("zh-CN", "no.such.phrase"));

        Assert.Equal("replies.json: no phrase 'no.such.phrase' for 'zh'", error.Message);
    }

    private static Dictionary<string, Dictionary<string, JsonElement>> Read(string file)
    {
        using var stream = typeof(PhraseBook).Assembly.GetManifestResourceStream("Cockpit.Understanding.Phrases." + file)!;
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.EnumerateObject()
            .Where(language => language.Value.ValueKind == JsonValueKind.Object)
            .ToDictionary(language => language.Name, language => language.Value.EnumerateObject().ToDictionary(phrase => phrase.Name, phrase => phrase.Value.Clone()));
    }
}
