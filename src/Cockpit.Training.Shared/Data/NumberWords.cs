using System.Globalization;

namespace Cockpit.Training.Data;

/// <summary>Renders numbers the way people say them (二十二点五, 两, twenty-two, 22.5).</summary>
internal static class NumberWords
{
    private static readonly string[] ZhDigits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

    private static readonly string[] EnOnes =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
        "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ];

    private static readonly string[] EnTens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    private static readonly string[] EnOrdinals = ["zeroth", "first", "second", "third", "fourth", "fifth"];

    public static string ZhInteger(int n, bool liang)
    {
        if (n == 2 && liang)
        {
            return "两";
        }

        if (n < 10)
        {
            return ZhDigits[n];
        }

        if (n < 20)
        {
            return "十" + (n % 10 == 0 ? "" : ZhDigits[n % 10]);
        }

        if (n < 100)
        {
            return ZhDigits[n / 10] + "十" + (n % 10 == 0 ? "" : ZhDigits[n % 10]);
        }

        if (n < 1000)
        {
            var rest = n % 100;
            var head = (n / 100 == 2 && liang ? "两" : ZhDigits[n / 100]) + "百";
            return rest == 0 ? head : rest < 10 ? head + "零" + ZhDigits[rest] : head + (rest < 20 ? "一" : "") + ZhInteger(rest, false);
        }

        return n.ToString(CultureInfo.InvariantCulture);
    }

    public static string EnInteger(int n, Random rng)
    {
        if (n < 20)
        {
            return EnOnes[n];
        }

        if (n < 100)
        {
            return EnTens[n / 10] + (n % 10 == 0 ? "" : (rng.Next(2) == 0 ? "-" : " ") + EnOnes[n % 10]);
        }

        if (n < 1000)
        {
            var rest = n % 100;
            var head = (n / 100 == 1 && rng.Next(2) == 0 ? "a" : EnOnes[n / 100]) + " hundred";
            return rest == 0 ? head : head + (rng.Next(2) == 0 ? " and " : " ") + EnInteger(rest, rng);
        }

        return n.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>A number in words or digits; halves as 点五 / point five / .5.</summary>
    public static string Render(double value, string lang, Random rng, bool allowWords = true)
    {
        var integer = (int)Math.Floor(value);
        var half = value - integer > 0.25;
        var words = allowWords && rng.NextDouble() < 0.5;
        if (!words)
        {
            return value.ToString("0.#", CultureInfo.InvariantCulture);
        }

        if (lang == "zh")
        {
            return ZhInteger(integer, rng.Next(3) == 0) + (half ? "点五" : "");
        }

        return EnInteger(integer, rng) + (half ? " point five" : "");
    }

    public static string Ordinal(int n, string lang, Random rng) =>
        lang == "zh" ? "第" + ZhInteger(n, false) + "个" : rng.Next(2) == 0 && n < EnOrdinals.Length ? "the " + EnOrdinals[n] : "number " + n.ToString(CultureInfo.InvariantCulture);

    /// <summary>A percentage: "百分之五十", "50%", "fifty percent", or the bare number.</summary>
    public static string Percent(int value, string lang, Random rng)
    {
        var r = rng.Next(4);
        return (lang, r) switch
        {
            ("zh", 0) => "百分之" + ZhInteger(value, false),
            ("zh", 1) => value.ToString(CultureInfo.InvariantCulture) + "%",
            ("en", 0) => EnInteger(value, rng) + " percent",
            ("en", 1) => value.ToString(CultureInfo.InvariantCulture) + "%",
            ("en", 2) => value.ToString(CultureInfo.InvariantCulture) + " percent",
            _ => Render(value, lang, rng),
        };
    }
}
