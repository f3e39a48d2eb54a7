using System.Text.Json;
using System.Text.RegularExpressions;

namespace Cockpit.Console.Tests.Web;

/// <summary>Every word on the page lives in its language file: both files name the same keys, and the page's code holds none.</summary>
public sealed partial class ConsoleTextsTests
{
    private static readonly string[] s_languages = ["zh", "en"];

    private static readonly (string Prefix, string[] Values)[] s_families =
    [
        ("outcome", ["done", "refused", "not_understood", "clarify", "failed"]),
        ("action", ["accepted", "refused", "failed"]),
        ("sunroof.switch", ["INACTIVE", "CLOSE", "OPEN", "ONE_SHOT_CLOSE", "ONE_SHOT_OPEN", "TILT_UP", "TILT_DOWN"]),
        ("media.action", ["UNKNOWN", "STOP", "PLAY", "FAST_FORWARD", "FAST_BACKWARD", "SKIP_FORWARD", "SKIP_BACKWARD"]),
        ("seat", ["Row1.DriverSide", "Row1.PassengerSide", "Row2.DriverSide", "Row2.PassengerSide"]),
        ("service", ["vehicle", "hmi", "agent"]),
        ("report.stage", ["understanding", "execution", "total"]),
        ("language", s_languages),
    ];

    [Fact]
    public void LanguageFiles_SameKeysNoneEmpty()
    {
        var zh = Texts("zh");
        var en = Texts("en");

        Assert.Equal(zh.Keys.Order(StringComparer.Ordinal), en.Keys.Order(StringComparer.Ordinal));
        Assert.All(zh.Concat(en), pair => Assert.False(string.IsNullOrWhiteSpace(pair.Value), $"'{pair.Key}' is empty"));
    }

    [Fact]
    public void Page_EveryKeyItNames_InBothLanguageFiles()
    {
        var script = Resource("app.js");
        var page = Resource("index.html");
        var named = LiteralKey().Matches(script).Select(match => match.Groups[1].Value)
            .Concat(CardKey().Matches(script).Select(match => match.Groups[1].Value))
            .Concat(AttributeKey().Matches(page).Select(match => match.Groups[1].Value))
            .Concat(DynamicKeys())
            .Distinct(StringComparer.Ordinal)
            .ToList();

        Assert.True(named.Count > 60, $"only {named.Count} keys found: the patterns no longer match the page's code");
        foreach (var language in s_languages)
        {
            var texts = Texts(language);
            Assert.Empty(named.Where(key => !texts.ContainsKey(key)).Select(key => $"{language}: {key}"));
        }
    }

    [Theory]
    [InlineData("app.js")]
    [InlineData("index.html")]
    [InlineData("pcm-recorder.js")]
    public void PageCode_NoChineseWords(string file)
    {
        var han = HanCharacters().Matches(Resource(file)).Select(match => match.Value);

        Assert.Empty(han);
    }

    /// <summary>The keys the page builds from values: outcomes, statuses, the VSS enums it shows, seats, stages.</summary>
    private static IEnumerable<string> DynamicKeys() => s_families.SelectMany(family => family.Values.Select(value => $"{family.Prefix}.{value}"));

    private static Dictionary<string, string> Texts(string language) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(Resource($"i18n/{language}.json"))!;

    private static string Resource(string name)
    {
        using var stream = typeof(ConsoleOptions).Assembly.GetManifestResourceStream($"Cockpit.Console.wwwroot.{name}");
        Assert.True(stream is not null, $"the console's {name} is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex("""\bt\("([a-zA-Z.]+)"[,)]""")]
    private static partial Regex LiteralKey();

    [GeneratedRegex("""\bcard\("([a-zA-Z.]+)"[,)]""")]
    private static partial Regex CardKey();

    [GeneratedRegex(@"data-(?:text|placeholder)=""([a-zA-Z.]+)""")]
    private static partial Regex AttributeKey();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex HanCharacters();
}
