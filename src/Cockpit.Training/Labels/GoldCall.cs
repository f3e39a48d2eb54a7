using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Cockpit.Understanding;

namespace Cockpit.Training.Labels;

/// <summary>
/// A call as the one who wrote the utterance meant it (data/authoring/REQUESTS.md):
/// <c>climate.temperature.set(zones=driver, value=22)</c>. Never derived from the model's tags.
/// </summary>
/// <param name="Function">The function or reading id; null for a follow-up that names none.</param>
/// <param name="Operation">The operation (<c>query</c> for a question, <c>run</c> for a text-only screen task).</param>
/// <param name="Zones">Zone ids, empty for the function's default.</param>
/// <param name="Value">The absolute value: a number, <c>L2</c>, or an enum or app symbol; null when none.</param>
/// <param name="Delta">The amount of a relative change, or null.</param>
/// <param name="Text">Free text by slot (<c>query</c>, <c>place</c>, <c>contact</c>, <c>target</c>).</param>
internal sealed partial record GoldCall(string? Function, string Operation, IReadOnlyList<string> Zones, string? Value, double? Delta, IReadOnlyDictionary<string, string> Text)
{
    /// <summary>The call as the runtime's resolver takes it.</summary>
    public ActionCall ToActionCall() => new()
    {
        Function = Function,
        Operation = Operation == "run" ? null : Operation,
        Zones = Zones,
        Value = Value switch
        {
            null => null,
            ['L', .. var level] when int.TryParse(level, NumberStyles.Integer, CultureInfo.InvariantCulture, out var k) => ActionValue.FromLevel(k),
            _ when double.TryParse(Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => ActionValue.FromNumber(number),
            _ => ActionValue.FromEnum(Value),
        },
        Delta = Delta,
        Text = Text.ToDictionary(pair => pair.Key, pair => new TextSpan(0, pair.Value.Length, pair.Value), StringComparer.Ordinal),
    };

    /// <summary>The enum or app symbol the call sets, or null.</summary>
    public string? Symbol => Value is null || IsNumber(Value) ? null : Value;

    /// <summary>Parses one call in the notation; throws <see cref="FormatException"/> naming what is wrong.</summary>
    /// <param name="notation">E.g. <c>window.position.crack(zones=mine)</c>.</param>
    public static GoldCall Parse(string notation)
    {
        var match = CallPattern().Match(notation.Trim());
        if (!match.Success)
        {
            throw new FormatException($"not a call: '{notation}'");
        }

        var head = match.Groups["head"].Value;
        var dot = head.LastIndexOf('.');
        var function = head[..dot];
        var zones = new List<string>();
        string? value = null;
        double? delta = null;
        var text = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match argument in ArgumentPattern().Matches(match.Groups["args"].Value))
        {
            var (name, raw) = (argument.Groups["name"].Value, argument.Groups["value"].Value.Trim());
            switch (name)
            {
                case "zones":
                    zones.AddRange(raw.Split('+'));
                    break;
                case "value":
                    value = raw;
                    break;
                case "delta":
                    delta = double.Parse(raw, CultureInfo.InvariantCulture);
                    break;
                default:
                    text[name] = raw.Trim('"');
                    break;
            }
        }

        return new GoldCall(function == "_" ? null : function, head[(dot + 1)..], zones, value, delta, text);
    }

    /// <summary>
    /// Parses a calls field: <c>-</c> for nothing, calls joined by <c> ; </c>, alternatives joined by <c> || </c>.
    /// </summary>
    /// <param name="field">The field.</param>
    public static IReadOnlyList<IReadOnlyList<GoldCall>> ParseAlternatives(string field) =>
        [.. field.Split("||").Select(alternative => alternative.Trim() is "-" or ""
            ? (IReadOnlyList<GoldCall>)[]
            : [.. alternative.Split(" ; ").Select(Parse)])];

    /// <inheritdoc />
    public override string ToString()
    {
        var parts = new List<string>();
        if (Zones.Count > 0)
        {
            parts.Add("zones=" + string.Join('+', Zones));
        }

        if (Value is not null)
        {
            parts.Add("value=" + Value);
        }

        if (Delta is { } d)
        {
            parts.Add("delta=" + d.ToString(CultureInfo.InvariantCulture));
        }

        parts.AddRange(Text.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}=\"{pair.Value}\""));
        return new StringBuilder().Append(Function ?? "_").Append('.').Append(Operation).Append('(').AppendJoin(", ", parts).Append(')').ToString();
    }

    private static bool IsNumber(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) || (value.Length > 1 && value[0] == 'L' && value[1..].All(char.IsAsciiDigit));

    [GeneratedRegex(@"^(?<head>[a-z_]+(?:\.[a-z_]+)*)\((?<args>.*)\)$")]
    private static partial Regex CallPattern();

    [GeneratedRegex(@"(?<name>[a-z]+)=(?<value>""[^""]*""|[^,]*)")]
    private static partial Regex ArgumentPattern();
}
