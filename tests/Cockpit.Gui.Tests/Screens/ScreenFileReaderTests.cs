using System.Text;
using System.Text.Json.Nodes;
using Cockpit.Gui.Screens;

namespace Cockpit.Gui.Tests.Screens;

public sealed class ScreenFileReaderTests
{
    // Found by fuzzing (fuzz/corpus/screens/crash-text-without-en.json): an element whose "text" lacked "en" reached
    // Regex.Matches(null) and threw ArgumentNullException instead of ScreenFileException.
    [Theory]
    [InlineData("en")]
    [InlineData("zh")]
    public void Read_ElementTextMissingLanguage_ThrowsBadElement(string language)
    {
        var screens = JsonNode.Parse(Embedded("Cockpit.Gui.Screens.screens.json"))!;
        var text = screens["screens"]!.AsArray().SelectMany(s => s!["elements"]!.AsArray()).First(e => e!["text"] is not null)!["text"]!;
        text.AsObject().Remove(language);
        using var screensJson = new MemoryStream(Encoding.UTF8.GetBytes(screens.ToJsonString()));
        using var contentJson = new MemoryStream(Encoding.UTF8.GetBytes(Embedded("Cockpit.Gui.Screens.content.json")));

        var error = Assert.Throws<ScreenFileException>(() => ScreenFileReader.Read(screensJson, contentJson));

        Assert.Equal(ScreenFileError.BadElement, error.Error);
        Assert.EndsWith("text needs both \"zh\" and \"en\"", error.Message, StringComparison.Ordinal);
    }

    private static string Embedded(string name)
    {
        using var stream = typeof(ScreenFileReader).Assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
