using System.Globalization;

namespace Cockpit.Understanding.Text;

/// <summary>
/// Parses the numbers occupants say, in Chinese (二十二点五, 两, 一百, 百分之五十, 第二), English (twenty-two,
/// twenty two point five, a hundred, second) and digits (22, 22.5, 50%, ２２), ignoring unit words around them.
/// </summary>
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
        ["eighth"] = 8, ["ninth"] = 9, ["tenth"] = 10, ["a"] = 1, ["an"] = 1,
    };

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

        var s = new string([.. text.Select(Tokenizer.Fold)]).Trim().ToLowerInvariant();
        foreach (var w in StripWords)
        {
            s = s.Replace(w, " ", StringComparison.Ordinal);
        }

        s = s.Trim();
        if (s.Length == 0)
        {
            return false;
        }

        if (s.Any(char.IsAsciiDigit))
        {
            return TryParseDigits(s, out value);
        }

        if (s.Any(c => ChineseDigit(c) >= 0 || c is '十' or '百' or '千' or '万' or '点' or '半'))
        {
            return TryParseChinese(s.Replace(" ", "", StringComparison.Ordinal), out value);
        }

        return TryParseEnglish(s, out value);
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

        if (s.AsSpan(end).Contains('半'))
        {
            value += 0.5;
        }

        return true;
    }

    private static bool TryParseChinese(string s, out double value)
    {
        value = 0;
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
        return integerPart.Length > 0 || fractionPart.Length > 0;
    }

    private static bool TryParseChineseInteger(string s, out long value)
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

        long total = 0, section = 0, number = 0;
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
                    section += number * 100;
                    break;
                case '千':
                    section += number * 1000;
                    break;
                case '万':
                    total += (section + number) * 10000;
                    section = 0;
                    break;
                default:
                    continue;
            }

            number = 0;
            any = true;
        }

        value = total + section + number;
        return any;
    }

    private static bool TryParseEnglish(string s, out double value)
    {
        value = 0;
        var words = s.Split([' ', '-', ','], StringSplitOptions.RemoveEmptyEntries);
        long total = 0, current = 0;
        double fraction = 0, scale = 0.1;
        var inFraction = false;
        var any = false;
        foreach (var w in words)
        {
            if (w == "and")
            {
                continue;
            }

            if (w == "point")
            {
                inFraction = true;
                continue;
            }

            if (w == "half" && any)
            {
                fraction += 0.5;
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
        return any;
    }
}
