namespace Cockpit.Understanding.Text;

/// <summary>Where a spoken number begins and ends in an utterance, around a part of it that a tagger marked.</summary>
internal static class NumeralSpans
{
    /// <summary>
    /// Widens [<paramref name="start"/>, <paramref name="end"/>) over numeral words or characters next to it ("sixty-nine"
    /// marked on "nine", "八十七" on "七", "九千九百九十九万亿" on "九百九十九"), as long as the whole still reads as one number,
    /// and then over the sign said just before it ("负二十" marked on "二十", "minus 20" on "20"): a tagger that leaves the
    /// sign out must not turn -20 into 20. A side that ends in a unit ("thirty-eight percent") is not widened: a numeral
    /// past the unit is another number.
    /// </summary>
    public static (int Start, int End) Widen(string text, int start, int end)
    {
        while (NumeralStartsAt(text, start) && NumeralBefore(text, start) is { } s && Numerals.TryParse(text[s..end], out _))
        {
            start = s;
        }

        while (NumeralEndsAt(text, end) && NumeralAfter(text, end) is { } e && Numerals.TryParse(text[start..e], out _))
        {
            end = e;
        }

        if (SignBefore(text, start) is { } sign && Numerals.TryParse(text[sign..end], out var signed) && signed < 0)
        {
            start = sign;
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

    private static bool IsChineseNumeral(char c) => "零一二两三四五六七八九十百千万亿".Contains(c) || char.IsAsciiDigit(c);

    /// <summary>
    /// Start of the sign just before <paramref name="start"/> (spaces between allowed): 负, 零下, "−" (U+2212), "minus",
    /// "negative", or a "-" that does not join two ASCII words or numbers ("twenty-two", "20-22"); null when there is none.
    /// </summary>
    private static int? SignBefore(string text, int start)
    {
        var i = start;
        while (i > 0 && Tokenizer.Fold(text[i - 1]) == ' ')
        {
            i--;
        }

        if (i == 0)
        {
            return null;
        }

        var c = Tokenizer.Fold(text[i - 1]);
        if (c is '负' or '\u2212' or '\uFE63' || (c == '-' && (i == 1 || !char.IsAsciiLetterOrDigit(text[i - 2]))))
        {
            return i - 1;
        }

        if (i >= 2 && text.AsSpan(i - 2, 2) is "零下")
        {
            return i - 2;
        }

        var word = i;
        while (word > 0 && char.IsAsciiLetter(text[word - 1]))
        {
            word--;
        }

        return text.AsSpan(word, i - word) is var w
            && (w.Equals("minus", StringComparison.OrdinalIgnoreCase) || w.Equals("negative", StringComparison.OrdinalIgnoreCase)) ? word : null;
    }

    /// <summary>Whether a numeral character, a decimal point or a number word begins at <paramref name="start"/>.</summary>
    private static bool NumeralStartsAt(string text, int start)
    {
        if (start >= text.Length || IsChineseNumeral(text[start]) || text[start] is '点' or '.')
        {
            return start < text.Length;
        }

        var (word, wordEnd) = WordAfter(text, start);
        return word == start && IsNumberWord(text[word..wordEnd].ToLowerInvariant());
    }

    /// <summary>Whether a numeral character, a decimal point or a number word ends just before <paramref name="end"/>.</summary>
    private static bool NumeralEndsAt(string text, int end)
    {
        if (end <= 0 || IsChineseNumeral(text[end - 1]) || text[end - 1] is '点' or '.')
        {
            return end > 0;
        }

        var (word, wordEnd) = WordBefore(text, end);
        return wordEnd == end && IsNumberWord(text[word..wordEnd].ToLowerInvariant());
    }

    /// <summary>An English number word on its own ("sixty"), not the article that also reads as one.</summary>
    private static bool IsNumberWord(string word) => word is not ("a" or "an") && Numerals.TryParse(word, out _);

    /// <summary>Start of the numeral word (with its space or hyphen) or character just before <paramref name="start"/>.</summary>
    private static int? NumeralBefore(string text, int start)
    {
        if (start >= 2 && start < text.Length && text[start - 1] == '.' && char.IsAsciiDigit(text[start - 2]) && char.IsAsciiDigit(text[start]))
        {
            // The whole part of a decimal ("30.5" marked on "5").
            var digits = start - 1;
            while (digits > 0 && char.IsAsciiDigit(text[digits - 1]))
            {
                digits--;
            }

            return digits;
        }

        if (start > 0 && IsChineseNumeral(text[start - 1]) && !char.IsAsciiDigit(text[start]))
        {
            return start - 1;
        }

        var (word, gap) = WordBefore(text, start);
        if (word < gap && gap < start && text[word..gap].Equals("and", StringComparison.OrdinalIgnoreCase)
            && WordBefore(text, word) is var (scale, scaleEnd) && scaleEnd < word
            && text[scale..scaleEnd].ToLowerInvariant() is "hundred" or "thousand")
        {
            // "and" inside a number: "a hundred and fifty nine" marked on "fifty nine".
            return scale;
        }

        return word < gap && gap < start && IsNumberWord(text[word..gap].ToLowerInvariant()) ? word : null;
    }

    /// <summary>The English word before <paramref name="index"/>, across the spaces or hyphens before it: its start and end.</summary>
    private static (int Start, int End) WordBefore(string text, int index)
    {
        var end = index;
        while (end > 0 && text[end - 1] is ' ' or '-')
        {
            end--;
        }

        var start = end;
        while (start > 0 && char.IsAsciiLetter(text[start - 1]))
        {
            start--;
        }

        return (start, end);
    }

    /// <summary>The English word after <paramref name="index"/>, across the spaces or hyphens before it: its start and end.</summary>
    private static (int Start, int End) WordAfter(string text, int index)
    {
        var start = index;
        while (start < text.Length && text[start] is ' ' or '-')
        {
            start++;
        }

        var end = start;
        while (end < text.Length && char.IsAsciiLetter(text[end]))
        {
            end++;
        }

        return (start, end);
    }

    /// <summary>End of the numeral word or character just after <paramref name="end"/>; "一下", "一点", "一些" are not numbers.</summary>
    private static int? NumeralAfter(string text, int end)
    {
        if (end > 0 && end + 1 < text.Length && text[end] == '.' && char.IsAsciiDigit(text[end - 1]) && char.IsAsciiDigit(text[end + 1]))
        {
            // The fraction of a decimal ("30.5" marked on "30").
            var digits = end + 1;
            while (digits < text.Length && char.IsAsciiDigit(text[digits]))
            {
                digits++;
            }

            return digits;
        }

        if (end < text.Length && IsChineseNumeral(text[end]) && !char.IsAsciiDigit(text[end - 1])
            && !(text[end] == '一' && end + 1 < text.Length && text[end + 1] is '下' or '点' or '些'))
        {
            return end + 1;
        }

        var (word, wordEnd) = WordAfter(text, end);
        return word > end && wordEnd > word && IsNumberWord(text[word..wordEnd].ToLowerInvariant()) ? wordEnd : null;
    }
}
