using System.Globalization;
using Cockpit.Understanding.Catalog;
using Cockpit.Understanding.Phrases;
using Cockpit.Understanding.Resolution;

namespace Cockpit.Agent.Replies;

/// <summary>
/// Answers a question about the car from the values the vehicle service reports: "右后车门没锁，…", "The sunroof is
/// closed.", "车内温度是26度". States are said as people say them (locked, open, 40% open, level 2, set to 21.5 degrees);
/// seats that agree are said together. The words are data (<c>Phrases/answers.json</c>, per language).
/// </summary>
internal sealed class AnswerComposer(ActionCatalog catalog, ReplyComposer replies)
{
    /// <summary>The answer to a resolved question, from <paramref name="current"/> (path → value, null when unknown).</summary>
    /// <param name="action">A resolved question (<see cref="ResolvedAction.IsQuery"/>).</param>
    /// <param name="current">The car's current values.</param>
    /// <param name="language"><c>zh</c> or <c>en</c>.</param>
    public string Answer(ResolvedAction action, Func<string, object?> current, string language)
    {
        Func<string, string> words = key => PhraseBook.Answers.Get(language, key);
        if (action.Reading is { } reading)
        {
            return Reading(reading, current, words, language);
        }

        var function = action.Function!;
        var label = function.Label.For(language);
        var states = action.Reads.Select(path => State(function, current(path), words, language)).ToList();
        if (states.Count == 1 || action.Seats.Count <= 1 || states.Distinct(StringComparer.Ordinal).Count() == 1)
        {
            // The thing named as the replies name it ("the rear right door", "all the doors", "全车车门").
            var what = replies.What(function, action.Seats, language);
            var key = action.Seats.Count <= 1 ? "one" : "allSame";
            var phrase = PhraseBook.Answers.Find(language, $"{key}@{function.Id}") ?? words(key);
            return Capitalize(PhraseBook.Fill(phrase, ("what", what), ("state", states[0])));
        }

        var each = action.Seats.Select((seat, i) => PhraseBook.Fill(words("each"), ("zone", ZoneLabel(seat, language)), ("state", states[i])));
        var sentence = string.Join(words("join"), each);
        return Capitalize(PhraseBook.Fill(words("eachOf"), ("label", label), ("each", sentence)));
    }

    private static string Reading(CatalogReading reading, Func<string, object?> current, Func<string, string> words, string language)
    {
        var values = reading.Paths.Select(current).ToList();
        var label = reading.Label.For(language);
        if (values[0] is null)
        {
            return PhraseBook.Fill(words("unknown"), ("label", label));
        }

        if (reading.Paths.Count > 1)
        {
            // What is playing: the track, and the artist when the player reports one.
            return values[1] is string artist && artist.Length > 0
                ? PhraseBook.Fill(words("nowPlaying"), ("track", values[0]!.ToString()!), ("artist", artist))
                : PhraseBook.Fill(words("nowPlayingTrack"), ("track", values[0]!.ToString()!));
        }

        return PhraseBook.Fill(words("reading"), ("label", label), ("value", Number(values[0])), ("unit", reading.Unit.For(language))).TrimEnd();
    }

    private static string State(CatalogFunction function, object? value, Func<string, string> words, string language)
    {
        if (value is null)
        {
            return "?";
        }

        var spec = function.Value;
        switch (spec.Type)
        {
            case CatalogValueType.Bool:
                var on = value is true;
                // The trunk accepts "on" (打开) too, but is open or closed, as its signal says.
                return function.Accepts("lock") ? words(on ? "locked" : "unlocked")
                    : function.Accepts("fold") ? words(on ? "folded" : "unfolded")
                    : function.Accepts("on") && function.Path?.EndsWith(".IsOpen", StringComparison.Ordinal) != true ? words(on ? "on" : "off")
                    : words(on ? "open" : "closed");
            case CatalogValueType.Level:
                var magnitude = Math.Abs(ToDouble(value));
                var level = Enumerable.Range(0, spec.Levels.Count).MinBy(i => Math.Abs(spec.Levels[i] - magnitude));
                return level == 0 ? words("off") : PhraseBook.Fill(words("level"), ("value", level.ToString(CultureInfo.InvariantCulture)));
            case CatalogValueType.Enum when value is string symbol:
                // A mode signal says OFF for a function switched off (the wipers), a state the catalog lists as the op, not a value.
                return function.FindValue(symbol)?.Label is { } valueLabel
                    ? PhraseBook.Fill(PhraseBook.Answers.Find(language, $"valueOf@{function.Id}") ?? words("valueOf"), ("value", valueLabel.For(language)))
                    : symbol == "OFF" && function.Accepts("off") ? words("off")
                    : symbol;
            case CatalogValueType.Command when function.StatePath is not null:
                return Position(ToDouble(value), words);
            case CatalogValueType.Command:
                return words(value is "PLAY" ? "playing" : "paused");
            case CatalogValueType.Number when function.Ops.ContainsKey("open"):
                return Position(ToDouble(value), words);
            case CatalogValueType.Number:
                // A unit may say its value its own way (at.degrees: a set point, "set to 22 degrees"); the catalog's English unit names it.
                var unitKey = $"at.{function.Value.Unit.En}";
                var phrase = PhraseBook.Answers.Find(language, unitKey) ?? words("at");
                return PhraseBook.Fill(phrase, ("value", Number(value)), ("unit", function.Value.Unit.For(language))).TrimEnd();
            default:
                return value.ToString() ?? "?";
        }
    }

    /// <summary>A window's, shade's or sunroof's position: closed, fully open, partly open, tilted.</summary>
    private static string Position(double position, Func<string, string> words) => position switch
    {
        < 0 => words("tilted"),
        0 => words("closed"),
        >= 100 => words("fullyOpen"),
        _ => PhraseBook.Fill(words("partlyOpen"), ("value", Number(position))),
    };

    private string ZoneLabel(string seat, string language) =>
        catalog.Zones.FirstOrDefault(zone => zone.Seats.Count == 1 && zone.Seats[0] == seat)?.Label.For(language) is { } label
            ? language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? label : label + " "
            : "";

    private static string Number(object? value) => ToDouble(value).ToString("0.#", CultureInfo.InvariantCulture);

    private static double ToDouble(object? value) => value switch
    {
        null => double.NaN,
        IConvertible convertible => convertible.ToDouble(CultureInfo.InvariantCulture),
        _ => double.NaN,
    };

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
