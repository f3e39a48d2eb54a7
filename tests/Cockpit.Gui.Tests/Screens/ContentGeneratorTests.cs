using Cockpit.Gui.Screens;

namespace Cockpit.Gui.Tests.Screens;

/// <summary>Generated content at the scale of a real head unit, in both scripts, the same every time.</summary>
public sealed class ContentGeneratorTests
{
    private static readonly Lazy<ScreenCatalog> s_large = new(() => ScreenFileReader.Load(null, null, (10_000, 5_000, 500, 1)));

    [Fact]
    public void Load_LargeContent_HasTheSizesAsked()
    {
        var content = s_large.Value.Content;

        Assert.True(content.Tracks.Count >= 10_000, $"{content.Tracks.Count} tracks");
        Assert.True(content.Places.Count >= 5_000, $"{content.Places.Count} places");
        Assert.True(content.Contacts.Count >= 500, $"{content.Contacts.Count} contacts");
        Assert.Equal(content.Tracks.Count, s_large.Value.Rows(ScreenCatalog.Tracks).Count);
    }

    [Fact]
    public void Load_LargeContent_NamesInBothScriptsWithLatinSpellings()
    {
        var content = s_large.Value.Content;
        IEnumerable<ContentItem> items = [.. content.Tracks, .. content.Places, .. content.Contacts];

        Assert.True(content.Tracks.Count(t => t.Name.Any(IsHanzi)) > 4_000);
        Assert.True(content.Tracks.Count(t => !t.Name.Any(IsHanzi)) > 3_000);
        Assert.True(content.Contacts.Count(c => c.Name.Any(IsHanzi)) > 300);
        Assert.True(content.Contacts.Count(c => !c.Name.Any(IsHanzi)) > 100);
        Assert.All(items, item => Assert.DoesNotContain(item.Text.En, IsHanzi));
    }

    [Fact]
    public void Load_SameSeed_SameContent()
    {
        var again = ScreenFileReader.Load(null, null, (10_000, 5_000, 500, 1)).Content;

        Assert.Equal(s_large.Value.Content.Tracks.Select(t => t.Name), again.Tracks.Select(t => t.Name));
        Assert.Equal(s_large.Value.Content.Places.Select(p => (p.Name, p.Latitude, p.Longitude)), again.Places.Select(p => (p.Name, p.Latitude, p.Longitude)));
        Assert.Equal(s_large.Value.Content.Contacts.Select(c => c.Number), again.Contacts.Select(c => c.Number));
    }

    [Fact]
    public void Load_NothingGenerated_EmbeddedContentAlone()
    {
        var content = ScreenFileReader.Load(null, null).Content;

        Assert.Equal(31, content.Tracks.Count);
        Assert.DoesNotContain(content.Places, p => p.Id.StartsWith("generated-", StringComparison.Ordinal));
    }

    private static bool IsHanzi(char c) => c is >= '\u4E00' and <= '\u9FFF';
}
