using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Cockpit.Training.Data;

namespace Cockpit.Speech.Training;

/// <summary>
/// What is said and what is written for a generated command: numbers become words before synthesis (espeak-ng and
/// the model then agree on one spelling: "22" and "twenty two" sound the same), and the transcript the model learns is
/// that spoken text lower-cased without punctuation, because nothing in the audio says where a comma or a capital was.
/// </summary>
internal static partial class SpokenText
{
    /// <summary>The text to give espeak-ng: digits, decimals and percentages in words, case and punctuation kept.</summary>
    public static string Speakable(string text, string lang)
    {
        var zh = lang == "zh";
        text = PercentPattern().Replace(text, m => zh ? "百分之" + ZhNumber(m.Groups[1].Value) : EnNumber(m.Groups[1].Value) + " percent");
        return NumberPattern().Replace(text, m => zh ? ZhNumber(m.Value) : " " + EnNumber(m.Value) + " ");
    }

    /// <summary>The transcript: lower case, punctuation and symbols removed, single spaces (Mandarin keeps none between characters).</summary>
    public static string Transcript(string speakable)
    {
        var sb = new StringBuilder(speakable.Length);
        foreach (var raw in speakable.ToLowerInvariant())
        {
            var c = raw is '-' or '_' or '/' ? ' ' : raw;
            if (char.IsLetterOrDigit(c) || c == '\'' || c == ' ')
            {
                sb.Append(c);
            }
            else
            {
                sb.Append(' ');
            }
        }

        var words = sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('\''));
        var joined = new StringBuilder();
        foreach (var word in words.Where(w => w.Length > 0))
        {
            // A space only between two Latin words: Mandarin characters join without one.
            if (joined.Length > 0 && !IsCjk(joined[^1]) && !IsCjk(word[0]))
            {
                joined.Append(' ');
            }

            joined.Append(word);
        }

        return joined.ToString();
    }

    /// <summary>The model's units: one per Mandarin character, one per Latin word (with its leading space, as Whisper writes words).</summary>
    public static List<string> Units(string transcript)
    {
        var units = new List<string>();
        var word = new StringBuilder();
        void Flush()
        {
            if (word.Length > 0)
            {
                units.Add(" " + word);
                word.Clear();
            }
        }

        foreach (var c in transcript)
        {
            if (IsCjk(c))
            {
                Flush();
                units.Add(c.ToString());
            }
            else if (c == ' ')
            {
                Flush();
            }
            else
            {
                word.Append(c);
            }
        }

        Flush();
        return units;
    }

    public static bool IsCjk(char c) => c is >= '\u3400' and <= '\u9fff';

    private static string EnNumber(string digits)
    {
        var parts = digits.Split('.');
        var integer = int.Parse(parts[0], CultureInfo.InvariantCulture);
        var words = integer < 1000 ? EnInteger(integer) : string.Join(' ', parts[0].Select(d => EnInteger(d - '0')));
        if (parts.Length > 1 && parts[1].Length > 0)
        {
            words += " point " + string.Join(' ', parts[1].Select(d => EnInteger(d - '0')));
        }

        return words;
    }

    private static string EnInteger(int n)
    {
        string[] ones = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
        string[] tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
        if (n < 20)
        {
            return ones[n];
        }

        if (n < 100)
        {
            return tens[n / 10] + (n % 10 == 0 ? "" : " " + ones[n % 10]);
        }

        return ones[n / 100] + " hundred" + (n % 100 == 0 ? "" : " " + EnInteger(n % 100));
    }

    private static string ZhNumber(string digits)
    {
        var parts = digits.Split('.');
        var integer = int.Parse(parts[0], CultureInfo.InvariantCulture);
        var words = integer < 1000 ? NumberWords.ZhInteger(integer, false) : string.Concat(parts[0].Select(d => NumberWords.ZhInteger(d - '0', false)));
        if (parts.Length > 1 && parts[1].Length > 0)
        {
            words += "点" + string.Concat(parts[1].Select(d => NumberWords.ZhInteger(d - '0', false)));
        }

        return words;
    }

    [GeneratedRegex(@"(\d+(?:\.\d+)?)\s*%")]
    private static partial Regex PercentPattern();

    [GeneratedRegex(@"\d+(?:\.\d+)?")]
    private static partial Regex NumberPattern();
}
