using System.Text.Json;

namespace Cockpit.Understanding.Phrases;

/// <summary>
/// The words of one embedded phrase file (<c>Phrases/answers.json</c>, <c>Phrases/replies.json</c>): per language
/// (<c>zh</c>, <c>en</c>), keys mapped to a phrase or a list of phrases. Code keeps no occupant-facing word of any
/// language; it picks phrases by key and fills their <c>{holes}</c>, so a new phrasing or language touches data only.
/// </summary>
public sealed class PhraseBook
{
    private static readonly Lazy<PhraseBook> s_answers = new(() => Load("answers.json"));
    private static readonly Lazy<PhraseBook> s_replies = new(() => Load("replies.json"));

    private readonly string _file;
    private readonly Dictionary<string, Dictionary<string, string[]>> _languages;

    private PhraseBook(string file, Dictionary<string, Dictionary<string, string[]>> languages)
    {
        _file = file;
        _languages = languages;
    }

    /// <summary>The words of answers to questions about the car (<c>Phrases/answers.json</c>).</summary>
    public static PhraseBook Answers => s_answers.Value;

    /// <summary>The words of replies, and the words the agent listens for: yes, no, corrections, cancellations
    /// (<c>Phrases/replies.json</c>).</summary>
    public static PhraseBook Replies => s_replies.Value;

    /// <summary>The phrase file's language for a turn's language: <c>zh</c> for any Mandarin tag, else <c>en</c>.</summary>
    public static string LanguageOf(string? language) =>
        language is not null && language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? "zh" : "en";

    /// <summary>The phrase for <paramref name="key"/>, or null when the language has none.</summary>
    public string? Find(string language, string key) =>
        _languages[LanguageOf(language)].TryGetValue(key, out var phrases) && phrases.Length > 0 ? phrases[0] : null;

    /// <summary>The phrase for <paramref name="key"/>; a key missing from the file is a build defect and throws.</summary>
    public string Get(string language, string key) =>
        Find(language, key) ?? throw new KeyNotFoundException($"{_file}: no phrase '{key}' for '{LanguageOf(language)}'");

    /// <summary>Every phrase of <paramref name="key"/> in one language, in the file's order; empty when it has none.</summary>
    public IReadOnlyList<string> List(string language, string key) =>
        _languages[LanguageOf(language)].GetValueOrDefault(key) ?? [];

    /// <summary>Every phrase of <paramref name="key"/> in every language (the words listened for are heard in either).</summary>
    public IReadOnlyList<string> ListInAll(string key) =>
        [.. _languages.Values.SelectMany(words => words.GetValueOrDefault(key) ?? []).Distinct(StringComparer.Ordinal)];

    /// <summary>Fills the <c>{name}</c> holes of a phrase.</summary>
    public static string Fill(string template, params (string Name, string Value)[] values) =>
        values.Aggregate(template, (text, value) => text.Replace("{" + value.Name + "}", value.Value, StringComparison.Ordinal));

    private static PhraseBook Load(string file)
    {
        using var stream = typeof(PhraseBook).Assembly.GetManifestResourceStream("Cockpit.Understanding.Phrases." + file)
            ?? throw new InvalidOperationException($"embedded {file} is missing from the build");
        using var document = JsonDocument.Parse(stream);
        var languages = document.RootElement.EnumerateObject()
            .Where(language => language.Value.ValueKind == JsonValueKind.Object)
            .ToDictionary(
                language => language.Name,
                language => language.Value.EnumerateObject().ToDictionary(
                    phrase => phrase.Name,
                    phrase => phrase.Value.ValueKind == JsonValueKind.Array
                        ? [.. phrase.Value.EnumerateArray().Select(item => item.GetString()!)]
                        : new[] { phrase.Value.GetString()! },
                    StringComparer.Ordinal),
                StringComparer.Ordinal);
        return new PhraseBook(file, languages);
    }
}
