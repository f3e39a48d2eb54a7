using System.Buffers;
using System.Globalization;

namespace Cockpit.Understanding.Text;

/// <summary>
/// Parses the numbers occupants say, in Chinese (二十二点五, 两, 一百, 百分之五十, 第二, 三万, 两亿), English (twenty-two,
/// twenty two point five, a hundred, second) and digits (22, 22.5, 50%, ２２), ignoring unit words around them.
/// </summary>
/// <remarks>
/// <para>A sign said before the number is read, never dropped: 负 or 零下 before a Chinese number or digits ("负二十度",
/// "零下5度"), "minus", "negative", "-" or "−" (U+2212) before an English number or digits ("minus twenty", "-20").
/// A hyphen right after an ASCII letter or digit is a hyphen ("twenty-two", "20-22"), not a sign.</para>
/// <para>No numeral wraps round. Numbers accumulate in <see cref="double"/>, not in a fixed-width integer: whole numbers
/// are exact up to 2^53 (about 9×10^15), larger ones are read approximately (a 20-digit string is about 10^19), and one
/// beyond a double's range (a 400-digit string, "九亿亿亿…") reads as ±<see cref="double.MaxValue"/>, so the value is always
/// finite, never ∞ or NaN. Every value in the car lies far inside ±10^9; a number said beyond it therefore stays beyond
/// every function's range, and the resolver refuses it with the range instead of acting on another value.</para>
/// </remarks>
public static class Numerals
{
    private static readonly string[] StripWords =
    [
        "百分之", "第", "摄氏度", "度", "档", "级", "个", "格", "%", "％", "percent", "per cent", "degrees", "degree", "celsius",
        "level", "the", "to", "at", "number", "no.",
    ];

    private static readonly Dictionary<string, int> EnglishUnits = new(StringComparer.Ordinal)
    {
        ["zero"] = 0, ["oh"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14,
        ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20,
        ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
        ["first"] = 1, ["second"] = 2, ["third"] = 3, ["fourth"] = 4, ["fifth"] = 5, ["sixth"] = 6, ["seventh"] = 7,
        ["eighth"] = 8, ["ninth"] = 9, ["tenth"] = 10, ["a"] = 1, ["an"] = 1, ["couple"] = 2,
    };

    private static readonly SearchValues<char> ChineseNumeralChars = SearchValues.Create("零〇一幺二两三四五六七八九十百千万亿点半");

    /// <summary>Tries to read one number from a short span such as "二十二点五度" or "twenty two".</summary>
    /// <param name="text">The span.</param>
    /// <param name="value">The number.</param>
    /// <returns>True when a number was found.</returns>
    public static bool TryParse(string? text, out double value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = Normalize(text);
        foreach (var w in StripWords)
        {
            s = s.Replace(w, " ", StringComparison.Ordinal);
        }

        s = s.Trim();
        if (s.Length == 0)
        {
            return false;
        }

        bool ok;
        if (s.Any(char.IsAsciiDigit))
        {
            ok = TryParseDigits(s, out value);
        }
        else if (s.Any(IsChineseNumeral))
        {
            ok = TryParseChinese(s.Replace(" ", "", StringComparison.Ordinal), out value);
        }
        else
        {
            ok = TryParseEnglish(s, out value);
        }

        // Past a double's range the sum is ∞: keep it finite, and as far out of every range as it was said.
        value = Math.Clamp(value, -double.MaxValue, double.MaxValue);
        return ok;
    }

    /// <summary>
    /// Folds full-width characters and case, and gives each sign one spelling before the unit words go (they would take
    /// the letter that tells a hyphen from a minus, and "negative" holds "at"): 零下 → 负 (else it reads as the digit 零),
    /// "negative" → "minus", "−" → "-"; a hyphen after an ASCII letter or digit joins words or numbers and becomes a space.
    /// </summary>
    private static string Normalize(string text)
    {
        var chars = text.Select(Tokenizer.Fold).Select(char.ToLowerInvariant).Select(c => c is '\u2212' or '\uFE63' ? '-' : c).ToArray();
        for (var i = 1; i < chars.Length; i++)
        {
            if (chars[i] == '-' && char.IsAsciiLetterOrDigit(chars[i - 1]))
            {
                chars[i] = ' ';
            }
        }

        return new string(chars).Trim()
            .Replace("零下", "负", StringComparison.Ordinal)
            .Replace("negative", "minus", StringComparison.Ordinal);
    }

    /// <summary>Value of a Chinese digit character, or -1.</summary>
    /// <param name="c">The character.</param>
    public static int ChineseDigit(char c) => c switch
    {
        '零' or '〇' => 0,
        '一' or '幺' => 1,
        '二' or '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => -1,
    };

    private static bool TryParseDigits(string s, out double value)
    {
        value = 0;
        var start = s.IndexOf(s.First(char.IsAsciiDigit));
        var negative = SignBefore(s, start);
        var end = start;
        var seenDot = false;
        while (end < s.Length && (char.IsAsciiDigit(s[end]) || (s[end] == '.' && !seenDot && end + 1 < s.Length && char.IsAsciiDigit(s[end + 1]))))
        {
            seenDot |= s[end] == '.';
            end++;
        }

        if (!double.TryParse(s.AsSpan(start, end - start), NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return false;
        }

        if (s.AsSpan(end).Contains('半') || s.AsSpan(end).Contains("half", StringComparison.Ordinal))
        {
            value += 0.5;
        }

        value = negative ? -value : value;
        return true;
    }

    private static bool TryParseChinese(string s, out double value)
    {
        value = 0;
        var first = s.AsSpan().IndexOfAny(ChineseNumeralChars);
        var negative = SignBefore(s, first);
        s = s[first..];
        var half = false;
        if (s.EndsWith('半') && s.Length > 1)
        {
            half = true;
            s = s[..^1];
        }
        else if (s == "半")
        {
            value = 0.5;
            return true;
        }

        var dot = s.IndexOf('点');
        var integerPart = dot >= 0 ? s[..dot] : s;
        var fractionPart = dot >= 0 ? s[(dot + 1)..] : "";
        if (!TryParseChineseInteger(integerPart, out var integer))
        {
            return false;
        }

        double fraction = 0;
        var scale = 0.1;
        foreach (var c in fractionPart)
        {
            var d = ChineseDigit(c);
            if (d < 0)
            {
                break;
            }

            fraction += d * scale;
            scale /= 10;
        }

        value = integer + fraction + (half ? 0.5 : 0);
        value = negative ? -value : value;
        return integerPart.Length > 0 || fractionPart.Length > 0;
    }

    private static bool TryParseChineseInteger(string s, out double value)
    {
        value = 0;
        if (s.Length == 0)
        {
            return true;
        }

        // Plain digit strings without unit characters ("二二", "一零零") read digit by digit.
        if (s.All(c => ChineseDigit(c) >= 0) && s.Length > 1)
        {
            foreach (var c in s)
            {
                value = (value * 10) + ChineseDigit(c);
            }

            return true;
        }

        // 亿 (10^8) scales everything said before it, 万 (10^4) the part since the last 亿: "九千九百九十九万亿" is 9999×10^12.
        double yi = 0, total = 0, section = 0, number = 0;
        var any = false;
        foreach (var c in s)
        {
            var d = ChineseDigit(c);
            if (d >= 0)
            {
                number = d;
                any = true;
                continue;
            }

            switch (c)
            {
                case '十':
                    section += (number == 0 ? 1 : number) * 10;
                    break;
                case '百':
                    section += (number == 0 ? 1 : number) * 100; // "百分之百": a hundred said alone
                    break;
                case '千':
                    section += number * 1000;
                    break;
                case '万':
                    total += (section + number) * 10000;
                    section = 0;
                    break;
                case '亿':
                    yi = (yi + total + section + number) * 100_000_000;
                    total = section = 0;
                    break;
                default:
                    continue;
            }

            number = 0;
            any = true;
        }

        value = yi + total + section + number;
        return any;
    }

    private static bool TryParseEnglish(string s, out double value)
    {
        value = 0;
        var negative = s.StartsWith('-');
        var words = s.Split([' ', '-', ','], StringSplitOptions.RemoveEmptyEntries);
        double total = 0, current = 0, fraction = 0, scale = 0.1;
        var inFraction = false;
        var any = false;
        for (var i = 0; i < words.Length; i++)
        {
            var w = words[i];
            if (w == "and" || (w is "a" or "an" && ((i + 1 < words.Length && words[i + 1] is "half" or "couple") || (i > 0 && words[i - 1] == "half"))))
            {
                continue; // "twenty one and a half", "half a degree", "a couple": the "a" beside "half" or "couple" is no one
            }

            if (w == "minus")
            {
                negative |= !any;
                continue;
            }

            if (w == "point")
            {
                inFraction = true;
                continue;
            }

            if (w == "half")
            {
                fraction += 0.5;
                any = true;
                continue;
            }

            if (w is "hundred" or "hundredth")
            {
                current = (current == 0 ? 1 : current) * 100;
                any = true;
                continue;
            }

            if (w is "thousand")
            {
                total += (current == 0 ? 1 : current) * 1000;
                current = 0;
                any = true;
                continue;
            }

            if (!EnglishUnits.TryGetValue(w, out var n))
            {
                continue;
            }

            if (inFraction)
            {
                fraction += n * scale;
                scale /= 10;
            }
            else
            {
                current += n;
            }

            any = true;
        }

        value = total + current + fraction;
        value = negative ? -value : value;
        return any;
    }

    private static bool IsChineseNumeral(char c) => ChineseDigit(c) >= 0 || ChineseNumeralChars.Contains(c);

    /// <summary>
    /// True when the normalized <paramref name="s"/> says a sign just before <paramref name="start"/>, where the number
    /// begins: 负, "minus" or "-" (see <see cref="Normalize"/>).
    /// </summary>
    private static bool SignBefore(string s, int start)
    {
        var before = s.AsSpan(0, start).TrimEnd();
        return before.EndsWith('负') || before.EndsWith('-')
            || (before.EndsWith("minus", StringComparison.Ordinal) && (before.Length == 5 || !char.IsAsciiLetter(before[^6])));
    }
}
