using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cockpit.Gui.Screens;

/// <summary>The words of <c>Screens/content-words.json</c> that <see cref="ContentGenerator"/> combines into names.</summary>
internal sealed class ContentWords
{
    public const string FormatName = "cockpit.hmi.content-words/1";

    private const string Embedded = "Cockpit.Gui.Screens.content-words.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public string Format { get; init; } = string.Empty;

    public string About { get; init; } = string.Empty;

    public IReadOnlyList<LocalizedText> TitleWords { get; init; } = [];

    public IReadOnlyList<string> LatinTitleWords { get; init; } = [];

    public IReadOnlyList<LocalizedText> Surnames { get; init; } = [];

    public IReadOnlyList<LocalizedText> GivenNames { get; init; } = [];

    public IReadOnlyList<string> LatinFirstNames { get; init; } = [];

    public IReadOnlyList<string> LatinLastNames { get; init; } = [];

    public IReadOnlyList<LocalizedText> Districts { get; init; } = [];

    public IReadOnlyList<LocalizedText> PlaceNames { get; init; } = [];

    public IReadOnlyList<PlaceKind> PlaceKinds { get; init; } = [];

    /// <summary>A kind of place: its word in each language and the category it is listed under.</summary>
    public sealed record PlaceKind(string Zh, string En, string Category);

    /// <summary>Reads the embedded word file.</summary>
    public static ContentWords Load()
    {
        using var stream = typeof(ContentWords).Assembly.GetManifestResourceStream(Embedded)
            ?? throw new InvalidOperationException($"embedded resource '{Embedded}' is missing from the build");
        var words = JsonSerializer.Deserialize<ContentWords>(stream, Json) ?? throw new ScreenFileException(ScreenFileError.Malformed, "content words: empty document");
        if (words.Format != FormatName)
        {
            throw new ScreenFileException(ScreenFileError.WrongFormat, $"content words: format '{words.Format}', expected '{FormatName}'");
        }

        return words;
    }
}
