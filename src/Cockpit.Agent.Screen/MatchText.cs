namespace Cockpit.Agent.Screen;

/// <summary>A piece of text in the forms that grounding compares, computed once.</summary>
/// <param name="Original">The text as said or shown.</param>
/// <param name="Plain">Lower case, letters, digits and hanzi only (full-width folded to ASCII).</param>
/// <param name="Sound">Pinyin of the hanzi and the Latin words, run together.</param>
/// <param name="Folded">As <paramref name="Sound"/>, with easily confused sounds folded together.</param>
/// <param name="Words">The folded syllables and words one by one.</param>
internal sealed record MatchText(string Original, string Plain, string Sound, string Folded, IReadOnlyList<string> Words)
{
    /// <summary>The consonants of <see cref="Folded"/> (<see cref="TextMatcher.Skeleton"/>).</summary>
    public string Skeleton { get; private init; } = "";

    /// <summary>Computes the forms of <paramref name="text"/>.</summary>
    public static MatchText Of(string text)
    {
        var syllables = Pinyin.Syllables(text);
        var folded = syllables.Select(Pinyin.Fold).ToArray();
        var joined = string.Concat(folded);
        return new MatchText(text, TextMatcher.Plain(text), string.Concat(syllables), joined, folded) { Skeleton = TextMatcher.Skeleton(joined) };
    }
}
