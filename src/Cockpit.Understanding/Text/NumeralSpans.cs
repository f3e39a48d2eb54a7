namespace Cockpit.Understanding.Text;

/// <summary>Where a spoken number begins and ends in an utterance, around a part of it that a tagger marked.</summary>
internal static class NumeralSpans
{
    /// <summary>
    /// Widens [<paramref name="start"/>, <paramref name="end"/>) over numeral words or characters next to it ("sixty-nine"
    /// marked on "nine", "八十七" on "七"), as long as the whole still reads as one number.
    /// </summary>
    public static (int Start, int End) Widen(string text, int start, int end)
    {
        while (NumeralBefore(text, start) is { } s && Numerals.TryParse(text[s..end], out _))
        {
            start = s;
        }

        while (NumeralAfter(text, end) is { } e && Numerals.TryParse(text[start..e], out _))
        {
            end = e;
        }

        return (start, end);
    }

    /// <summary>True when the number at [<paramref name="start"/>, <paramref name="end"/>) is said as a percentage ("40%", "40 percent", "百分之四十").</summary>
    public static bool IsPercent(string text, int start, int end)
    {
        var after = text.AsSpan(end).TrimStart();
        return text.AsSpan(start, end - start).Contains('%') || after.StartsWith('%') || after.StartsWith("percent", StringComparison.OrdinalIgnoreCase)
            || text.AsSpan(0, start).TrimEnd().EndsWith("百分之", StringComparison.Ordinal);
    }

    private static bool IsChineseNumeral(char c) => "零一二两三四五六七八九十百".Contains(c) || char.IsAsciiDigit(c);

    /// <summary>An English number word on its own ("sixty"), not the article that also reads as one.</summary>
    private static bool IsNumberWord(string word) => word is not ("a" or "an") && Numerals.TryParse(word, out _);

    /// <summary>Start of the numeral word (with its space or hyphen) or character just before <paramref name="start"/>.</summary>
    private static int? NumeralBefore(string text, int start)
    {
        if (start > 0 && IsChineseNumeral(text[start - 1]) && !char.IsAsciiDigit(text[start]))
        {
            return start - 1;
        }

        var gap = start;
        while (gap > 0 && text[gap - 1] is ' ' or '-')
        {
            gap--;
        }

        var word = gap;
        while (word > 0 && char.IsAsciiLetter(text[word - 1]))
        {
            word--;
        }

        return word < gap && gap < start && IsNumberWord(text[word..gap].ToLowerInvariant()) ? word : null;
    }

    /// <summary>End of the numeral word or character just after <paramref name="end"/>; "一下", "一点", "一些" are not numbers.</summary>
    private static int? NumeralAfter(string text, int end)
    {
        if (end < text.Length && IsChineseNumeral(text[end]) && !char.IsAsciiDigit(text[end - 1])
            && !(text[end] == '一' && end + 1 < text.Length && text[end + 1] is '下' or '点' or '些'))
        {
            return end + 1;
        }

        var gap = end;
        while (gap < text.Length && text[gap] is ' ' or '-')
        {
            gap++;
        }

        var word = gap;
        while (word < text.Length && char.IsAsciiLetter(text[word]))
        {
            word++;
        }

        return gap > end && word > gap && IsNumberWord(text[gap..word].ToLowerInvariant()) ? word : null;
    }
}
