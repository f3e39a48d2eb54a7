namespace Cockpit.Gui.Screens;

/// <summary>One row of a list, built once from the content.</summary>
/// <param name="Item">The content behind the row.</param>
/// <param name="Text">What the row shows.</param>
/// <param name="SearchText">Everything a search matches against, lower case, with and without spaces.</param>
internal sealed record ListRow(ContentItem Item, LocalizedText Text, string SearchText)
{
    public bool Matches(string query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return true;
        }

        var needle = query.Trim().ToLowerInvariant();
        return SearchText.Contains(needle, StringComparison.Ordinal)
            || SearchText.Contains(needle.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
