namespace Cockpit.Agent.Screen;

/// <summary>A row of a content list as the screen shows it, e.g. "七里香 — 周杰伦" / "Qi Li Xiang — Jay Chou".</summary>
internal sealed class UiRow
{
    private static readonly string[] s_separators = [" — ", " · ", " - "];

    /// <summary>Reads a row's texts.</summary>
    public UiRow(string id, string zh, string en)
    {
        Id = id;
        Zh = zh;
        En = en;
        var zhParts = zh.Split(s_separators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var enParts = en.Split(s_separators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Name = new LocalizedName(zhParts.FirstOrDefault() ?? zh, enParts.FirstOrDefault() ?? en);
        // A name the same in both languages ("Love Story") is scored once.
        Names = Name.Zh == Name.En ? [MatchText.Of(Name.Zh)] : [MatchText.Of(Name.Zh), MatchText.Of(Name.En)];
        // The second part of a track row is its artist; of a place row, its distance (never matched by words).
        Details = [.. zhParts.Skip(1).Concat(enParts.Skip(1)).Where(p => !char.IsDigit(p[0])).Select(MatchText.Of)];
    }

    /// <summary>The element id, e.g. <c>media.library.qilixiang</c>.</summary>
    public string Id { get; }

    /// <summary>The Mandarin text of the row.</summary>
    public string Zh { get; }

    /// <summary>The English text of the row.</summary>
    public string En { get; }

    /// <summary>The first part of each text: the title, place or contact.</summary>
    public LocalizedName Name { get; }

    /// <summary>The names in match form.</summary>
    public IReadOnlyList<MatchText> Names { get; }

    /// <summary>Further word parts (an artist), in match form.</summary>
    public IReadOnlyList<MatchText> Details { get; }

    /// <summary>Whether a state value (e.g. <c>media.track</c>) names this row.</summary>
    public bool IsNamedBy(string value)
    {
        var plain = TextMatcher.Plain(value);
        return plain.Length > 0 && Names.Any(n => n.Plain == plain);
    }
}
