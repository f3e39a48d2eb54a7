using Cockpit.Agent.Conversations;
using Cockpit.Agent.Screen;
using Microsoft.Extensions.DependencyInjection;

namespace Cockpit.Agent.Tests.Conversations;

/// <summary>What the recogniser is biased toward: the catalog's words and the HMI's names, in the turn's language.</summary>
public sealed class RecognitionVocabularyTests(EmbeddedCockpit cockpit) : IClassFixture<EmbeddedCockpit>
{
    private RecognitionVocabulary Vocabulary => cockpit.Services.GetRequiredService<RecognitionVocabulary>();

    [Fact]
    public void For_Mandarin_CatalogWordsAndHmiNamesInMandarinOnly()
    {
        var words = Vocabulary.For("zh");

        Assert.Contains("天窗", words);
        Assert.Contains("妈妈", words);                 // a contact
        Assert.Contains("月亮代表我的心", words);        // a track
        Assert.DoesNotContain("sunroof", words);
        Assert.DoesNotContain("Mom", words);
    }

    [Fact]
    public void For_UnknownLanguage_BothLanguages()
    {
        var words = Vocabulary.For(null);

        Assert.Contains("天窗", words);
        Assert.Contains("sunroof", words);
        Assert.Contains("The Moon Represents My Heart", words);
    }

    [Fact]
    public void For_English_NamesAlternateWithCommandsSoACutPromptHoldsBoth()
    {
        var map = cockpit.Services.GetRequiredService<ScreenAgent>().Map!;
        var names = map.Lists.SelectMany(list => list.Rows).Select(row => row.Name.En).ToHashSet();

        var firstTen = Vocabulary.For("en").Take(10).ToList();

        Assert.Equal(5, firstTen.Count(names.Contains));
        Assert.Contains("temperature", firstTen);
    }
}
