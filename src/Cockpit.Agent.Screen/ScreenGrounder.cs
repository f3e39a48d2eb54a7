using System.Text.RegularExpressions;
using Cockpit.Hmi.V1;
using Cockpit.Understanding.Catalog;
using Cockpit.Understanding.Phrases;
using Cockpit.Understanding.Resolution;
using HmiScreen = Cockpit.Hmi.V1.Screen;

namespace Cockpit.Agent.Screen;

/// <summary>
/// Grounds a screen task on the UI map and the screen in front: which state key is the goal, which row of which
/// list was meant (in either language, through ASR slips, pinyin-aware), which element "OK" or "the second
/// result" is. Answers a refusal that says why when nothing fits.
/// </summary>
internal static partial class ScreenGrounder
{
    // The words listened for are data (Phrases/replies.json, screen.heard.*), heard in either language.
    private static readonly string[] s_nearest = [.. PhraseBook.Replies.ListInAll("screen.heard.nearest").OrderByDescending(word => word.Length)];
    private static readonly string[] s_fillers = [.. PhraseBook.Replies.ListInAll("screen.heard.fillers").OrderByDescending(word => word.Length)];
    private static readonly string[] s_affirmative = [.. PhraseBook.Replies.ListInAll("screen.heard.yes")];
    private static readonly string[] s_negative = [.. PhraseBook.Replies.ListInAll("screen.heard.no")];
    private static readonly string[] s_last = [.. PhraseBook.Replies.ListInAll("screen.heard.last")];
    private static readonly string[][] s_ordinals = [PhraseBook.Replies.List("zh", "screen.heard.ordinals").ToArray(), PhraseBook.Replies.List("en", "screen.heard.ordinals").ToArray()];

    /// <summary>A row by its number: "第3个", "#3", "number 3", "3rd", or the number alone.</summary>
    private static readonly Regex s_digitOrdinal = new(
        $@"(?:(?:{Alternatives("screen.heard.ordinalBefore")})\s*|\b)(\d+)(?:{Alternatives("screen.heard.ordinalAfter")})?(?!\d)",
        RegexOptions.CultureInvariant);

    /// <summary>Grounds <paramref name="task"/>; returns the intent, or null with <paramref name="refusal"/> set.</summary>
    public static ScreenIntent? Ground(ScreenTask task, string utterance, string language, UiMap map, HmiScreen screen, out string? refusal)
    {
        refusal = null;
        switch (task.Function)
        {
            case "screen.open_app":
                var app = task.Value ?? Slot(task, "target", utterance);
                if (app is { Length: > 0 } && (map.Apps.ContainsKey(app) ? app : AppNamed(app, map)) is { } known)
                {
                    return new ScreenIntent { Kind = ScreenIntentKind.OpenApp, Key = "app", App = known, Asked = app };
                }

                refusal = ScreenReplies.NoSuchApp(app ?? utterance, language);
                return null;

            case "screen.bluetooth":
            case "screen.wifi":
                var key = task.Function == "screen.bluetooth" ? "settings.bluetooth" : "settings.wifi";
                var effect = map.EffectsOn(key).FirstOrDefault(e => e.ListId is null);
                if (effect is null)
                {
                    refusal = ScreenReplies.NoWay(utterance, language);
                    return null;
                }

                var desired = task.Value is { } value ? bool.Parse(value) : task.Operation is not ("off" or "close");
                return new ScreenIntent { Kind = ScreenIntentKind.Switch, Key = key, Desired = desired, Effect = effect, Asked = utterance };

            case "screen.play":
                return GroundContent("media.track", Slot(task, "query", utterance), utterance, language, map, out refusal);
            case "screen.navigate":
                return GroundContent("navigation.destination", Slot(task, "place", utterance), utterance, language, map, out refusal);
            case "screen.call":
                return GroundContent("phone.contact", Slot(task, "contact", utterance), utterance, language, map, out refusal);

            case "screen.back":
                return new ScreenIntent { Kind = ScreenIntentKind.Back, Asked = utterance };

            case "screen.tap":
                var target = Slot(task, "target", utterance);
                if (FindOnScreen(target, screen) is { } element)
                {
                    return new ScreenIntent { Kind = ScreenIntentKind.Tap, TapElementId = element, Asked = target };
                }

                refusal = ScreenReplies.NotOnScreen(target, language);
                return null;

            default:
                refusal = ScreenReplies.NoWay(utterance, language);
                return null;
        }
    }

    /// <summary>The affirmative button of a dialog on the screen ("确定", "OK"), if any.</summary>
    public static string? FindAffirmative(HmiScreen screen) =>
        screen.Elements.FirstOrDefault(e => e.Role == Role.Button && e.Enabled && IsIn(s_affirmative, e))?.Id;

    /// <summary>The app an occupant names by what its button says ("音乐" for media) or by the catalog's words for it.</summary>
    private static string? AppNamed(string said, UiMap map)
    {
        var query = MatchText.Of(Clean(said, out _));
        var catalog = ActionCatalog.Default.Functions.FirstOrDefault(f => f.Id == "screen.open_app")?.Value.Values ?? [];
        var names = map.AppNames.Concat(catalog
            .Where(value => map.Apps.ContainsKey(value.Value))
            .SelectMany(value => value.Zh.Concat(value.En).Append(value.Label.Zh).Append(value.Label.En).Select(name => (App: value.Value, Name: MatchText.Of(name)))));
        var best = names.Select(name => (name.App, Score: TextMatcher.Score(query, name.Name))).MaxBy(name => name.Score);
        return best.Score >= TextMatcher.Threshold ? best.App : null;
    }

    private static ScreenIntent? GroundContent(string key, string asked, string utterance, string language, UiMap map, out string? refusal)
    {
        refusal = null;
        var effects = map.EffectsOn(key).ToList();
        var rowEffect = effects.FirstOrDefault(e => e.ListId is not null);
        var buttonEffect = effects.FirstOrDefault(e => e.ListId is null && map.RowTransitionTo(e.Screen) is not null);
        var effect = rowEffect ?? buttonEffect;
        var list = rowEffect?.ListId is { } rowList ? map.FindList(rowList)
            : buttonEffect is not null ? map.FindList(map.RowTransitionTo(buttonEffect.Screen)!.ListId!) : null;
        if (effect is null || list is null)
        {
            refusal = ScreenReplies.NoWay(utterance, language);
            return null;
        }

        var query = Clean(asked, out var nearest);
        if (query.Length == 0)
        {
            refusal = ScreenReplies.NothingSaid(language);
            return null;
        }

        var intent = new ScreenIntent { Kind = ScreenIntentKind.Content, Key = key, Effect = effect, List = list, Asked = query, Nearest = nearest };
        if (nearest)
        {
            return Searching(intent, query);
        }

        var (row, score) = Best(MatchText.Of(query), list.Rows);
        // A filler word may be part of a name ("Song Haoran"): what was said as a whole may name a row better.
        if (!string.Equals(query, asked.Trim(), StringComparison.OrdinalIgnoreCase) && Best(MatchText.Of(asked.Trim()), list.Rows) is { Score: var whole } better && whole > score)
        {
            (row, score) = better;
        }

        if (row is not null && score >= TextMatcher.Threshold)
        {
            return new ScreenIntent
            {
                Kind = intent.Kind, Key = key, Effect = effect, List = list, Asked = query, Target = row,
                SearchText = row.Name.For(language) is { Length: > 0 } name ? name : row.Name.Zh,
            };
        }

        if (!list.Complete)
        {
            return Searching(intent, query);
        }

        refusal = ScreenReplies.NotFound(key, query, language);
        return null;
    }

    private static ScreenIntent Searching(ScreenIntent intent, string query) => new()
    {
        Kind = intent.Kind, Key = intent.Key, Effect = intent.Effect, List = intent.List, Asked = intent.Asked, SearchText = query, Nearest = intent.Nearest,
    };

    /// <summary>The row that <paramref name="query"/> names best, or null when none is named well enough.</summary>
    public static UiRow? Named(string query, IReadOnlyList<UiRow> rows) =>
        Best(MatchText.Of(query), rows) is ({ } row, >= TextMatcher.Threshold) ? row : null;

    private static (UiRow? Row, double Score) Best(MatchText query, IReadOnlyList<UiRow> rows)
    {
        UiRow? best = null;
        var bestScore = 0.0;
        // Details repeat (an artist has many tracks): each is scored once.
        var details = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var name = BestOf(query, row.Names);
            var detail = 0.0;
            foreach (var text in row.Details)
            {
                if (!details.TryGetValue(text.Original, out var score))
                {
                    details[text.Original] = score = TextMatcher.Score(query, text);
                }

                detail = Math.Max(detail, score);
            }

            // A title and its artist both named ("周杰伦的晴天") beat either alone.
            var rowScore = name >= TextMatcher.Threshold && detail >= TextMatcher.Threshold ? 1.05 : Math.Max(name, 0.95 * detail);
            if (rowScore > bestScore)
            {
                (best, bestScore) = (row, rowScore);
            }
        }

        return (best, bestScore);
    }

    private static double BestOf(MatchText query, IReadOnlyList<MatchText> texts)
    {
        var best = 0.0;
        for (var i = 0; i < texts.Count; i++)
        {
            best = Math.Max(best, TextMatcher.Score(query, texts[i]));
        }

        return best;
    }

    private static string Clean(string text, out bool nearest)
    {
        var cleaned = " " + text.Trim().ToLowerInvariant() + " ";
        nearest = false;
        foreach (var word in s_nearest)
        {
            if (cleaned.Contains(word, StringComparison.Ordinal))
            {
                nearest = true;
                cleaned = cleaned.Replace(word, " ", StringComparison.Ordinal);
            }
        }

        foreach (var filler in s_fillers)
        {
            cleaned = char.IsAsciiLetter(filler[0])
                ? Regex.Replace(cleaned, $@"(?<![a-z']){Regex.Escape(filler)}(?![a-z'])", " ")
                : cleaned.Replace(filler, " ", StringComparison.Ordinal);
        }

        cleaned = Trailing().Replace(cleaned, " ").Trim();
        // Keep the original casing of what was said where nothing was removed.
        var original = text.Trim();
        return string.Equals(original, cleaned, StringComparison.OrdinalIgnoreCase) ? original : Spaces().Replace(cleaned, " ");
    }

    private static string Slot(ScreenTask task, string slot, string utterance)
    {
        if (task.Text.TryGetValue(slot, out var span) && span.Text.Trim().Length > 0)
        {
            return span.Text.Trim();
        }

        // The model tagged no span: what is left of the utterance without the function's trigger words.
        var rest = utterance;
        var function = ActionCatalog.Default.Functions.FirstOrDefault(f => f.Id == task.Function);
        foreach (var trigger in (function?.Zh ?? []).Concat(function?.En ?? []).OrderByDescending(t => t.Length))
        {
            var at = rest.IndexOf(trigger, StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                rest = rest.Remove(at, trigger.Length);
                break;
            }
        }

        return Trailing().Replace(rest, " ").Trim();
    }

    private static string? FindOnScreen(string target, HmiScreen screen)
    {
        var candidates = screen.Elements.Where(e => e.Enabled && e.Role is Role.Button or Role.Switch or Role.ListItem or Role.TextField).ToList();
        if (Ordinal(target) is { } ordinal)
        {
            var rows = candidates.Where(e => e.Role == Role.ListItem).ToList();
            var pool = rows.Count > 0 ? rows : candidates.Where(e => e.Role == Role.Button).ToList();
            var index = ordinal < 0 ? pool.Count + ordinal : ordinal - 1;
            return index >= 0 && index < pool.Count ? pool[index].Id : null;
        }

        var plain = TextMatcher.Plain(target);
        if (s_affirmative.Any(a => TextMatcher.Plain(a) == plain))
        {
            return candidates.FirstOrDefault(e => IsIn(s_affirmative, e))?.Id;
        }

        if (s_negative.Any(a => TextMatcher.Plain(a) == plain))
        {
            return candidates.FirstOrDefault(e => IsIn(s_negative, e))?.Id;
        }

        var query = MatchText.Of(Clean(target, out _));
        var best = candidates
            .Select(e => (e.Id, Score: Math.Max(TextMatcher.Score(query, MatchText.Of(e.Text.Zh)), TextMatcher.Score(query, MatchText.Of(e.Text.En)))))
            .OrderByDescending(c => c.Score)
            .FirstOrDefault();
        return best.Score >= TextMatcher.Threshold ? best.Id : null;
    }

    private static bool IsIn(string[] words, Element element) =>
        words.Any(w => TextMatcher.Plain(w) == TextMatcher.Plain(element.Text.Zh) || TextMatcher.Plain(w) == TextMatcher.Plain(element.Text.En));

    /// <summary>"第二个", "the second result", "2nd", "最后一个": 1-based, or -1 for the last; null when none is said.</summary>
    private static int? Ordinal(string text)
    {
        var lower = text.ToLowerInvariant();
        if (s_last.Any(word => IsWordIn(lower, word)))
        {
            return -1;
        }

        foreach (var ordinals in s_ordinals)
        {
            // The longest first: "第十" before "第一" does not matter, but "tenth" must not be read as "ten…".
            for (var i = ordinals.Length - 1; i >= 0; i--)
            {
                if (IsWordIn(lower, ordinals[i]))
                {
                    return i + 1;
                }
            }
        }

        return s_digitOrdinal.Match(lower) is { Success: true } digits ? int.Parse(digits.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    private static string Alternatives(string key) =>
        string.Join('|', PhraseBook.Replies.ListInAll(key).OrderByDescending(word => word.Length).Select(Regex.Escape).DefaultIfEmpty("(?!)"));

    /// <summary>A word in the text: as a whole word where it is written in Latin letters, anywhere in Chinese.</summary>
    private static bool IsWordIn(string text, string word) =>
        char.IsAsciiLetter(word[0])
            ? Regex.IsMatch(text, $@"(?<![a-z']){Regex.Escape(word)}(?![a-z'])")
            : text.Contains(word, StringComparison.Ordinal);

    [GeneratedRegex(@"[\s\p{P}]+$|^[\s\p{P}]+")]
    private static partial Regex Trailing();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
