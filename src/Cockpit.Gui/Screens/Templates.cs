using System.Text.RegularExpressions;

namespace Cockpit.Gui.Screens;

/// <summary>The placeholders element text may hold, filled in from the state on each render.</summary>
internal static partial class Templates
{
    public const string Vss = "vss";

    public static IReadOnlySet<string> Names { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        Vss, "media.track", "media.artist", "navigation.destination", "navigation.selected",
        "navigation.selected.details", "phone.contact", "phone.selected", "phone.selected.number",
    };

    public static IEnumerable<string> NamesIn(string text) =>
        Placeholder().Matches(text).Select(match => match.Groups[1].Value);

    public static string Fill(string text, Func<string, string> value) =>
        text.Contains('{', StringComparison.Ordinal) ? Placeholder().Replace(text, match => value(match.Groups[1].Value)) : text;

    [GeneratedRegex(@"\{([a-z_.]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
