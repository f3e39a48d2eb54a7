using System.Globalization;
using Cockpit.Agent.Conversations;
using Cockpit.Understanding;
using Cockpit.Understanding.Catalog;
using Cockpit.Understanding.Phrases;
using Cockpit.Understanding.Resolution;
using Cockpit.Vehicle.Client;

namespace Cockpit.Agent.Replies;

/// <summary>
/// Short replies in the occupant's language that say what the car confirmed ("已将主驾温度调到22度", "Closed all the
/// windows."), what is still on its way ("正在打开主驾车窗", "Opening the driver's window."), what the car did not
/// confirm, or why not. Every word is data (<c>Phrases/replies.json</c>, per language; see its <c>about</c>); the
/// catalog gives the labels.
/// </summary>
internal sealed class ReplyComposer(ActionCatalog catalog)
{
    private static PhraseBook Words => PhraseBook.Replies;

    /// <summary>How far the car got with an accepted action, by the values it reported afterwards.</summary>
    private enum Confirmation
    {
        /// <summary>Every target reads as asked.</summary>
        Done,

        /// <summary>A part that moves (window, shade, sunroof, door, trunk) is on its way.</summary>
        Moving,

        /// <summary>A value reads otherwise, or could not be read: never said as done.</summary>
        NotConfirmed,
    }

    /// <summary>The reply for a turn, given what became of each action.</summary>
    public string Compose(string language, TurnOutcome outcome, IReadOnlyList<(ResolvedAction Action, ActionOutcome Outcome)> actions)
    {
        switch (outcome)
        {
            case TurnOutcome.NotUnderstood:
                return NotUnderstood(language, cancellation: false);
            case TurnOutcome.Clarify when actions.Count == 0:
                return Words.Get(language, "whatToChange");
            case TurnOutcome.Failed when actions.All(item => item.Outcome.Status == ActionStatus.Failed):
                return actions.Select(item => item.Outcome.Reason).FirstOrDefault(reason => reason is not null) ?? FailedReason(language, VehicleOutcome.Unreachable);
        }

        return Sentences(language, actions.Select(item => item.Outcome.Status == ActionStatus.Accepted
            ? Describe(item.Action, item.Outcome, language)
            : item.Outcome.Reason ?? Words.Get(language, "notDone")));
    }

    /// <summary>The reply when nothing actionable was understood; a cancellation ("算了", "never mind") is acknowledged
    /// rather than met with "didn't catch that".</summary>
    public static string NotUnderstood(string language, bool cancellation) => Words.Get(language, cancellation ? "cancelled" : "notUnderstood");

    /// <summary>The question for actions understood too weakly to carry out unasked ("Do you want me to open the sunroof?");
    /// a yes carries them out. It names the changes only: a question asked beside them is answered after the yes.</summary>
    public string AskToConfirm(string language, IEnumerable<ResolvedAction> actions) =>
        PhraseBook.Fill(Words.Get(language, "ask"),
            ("requests", string.Join(Words.Get(language, "ask.join"), actions.Where(action => !action.IsQuery).Select(action => Say(action, "ask", action.Targets.Select(target => target.Value).FirstOrDefault(), language)))));

    /// <summary>The reply to a no to <see cref="AskToConfirm"/>.</summary>
    public static string Declined(string language) => Words.Get(language, "declined");

    /// <summary>The reply to "that's wrong" (<see cref="Interactions.FeedbackTracker.IsCorrection"/>).</summary>
    public static string Correction(string language) => Words.Get(language, "correction");

    /// <summary>The localised reason for a refusal by the car's interlocks (e.g. opening the trunk while driving).</summary>
    public string InterlockReason(ResolvedAction action, string language) =>
        PhraseBook.Fill(Words.Get(language, "interlock"), ("what", action.Function is { } function ? What(function, action.Seats, language) : ""));

    /// <summary>
    /// The localised reason for a call the car's or the screen's service did not carry out: its refusal of the agent's
    /// credentials or scope is said as such; anything else as not reachable.
    /// </summary>
    public static string FailedReason(string language, VehicleOutcome outcome) => Words.Get(language, outcome switch
    {
        VehicleOutcome.Unauthenticated => "failed.unauthenticated",
        VehicleOutcome.Forbidden => "failed.permissionDenied",
        _ => "failed.unreachable",
    });

    /// <summary>The localised reason for a value the car rejected.</summary>
    public static string RejectedReason(string language, string detail) => PhraseBook.Fill(Words.Get(language, "rejected"), ("detail", detail));

    /// <summary>The paths whose values say whether an action's targets were reached: the targets', and the state a command drives.</summary>
    public IEnumerable<string> ConfirmingPaths(ResolvedAction action, IReadOnlyList<VssTarget> targets) =>
        action.Function is { StatePath: { } state, Value.Type: CatalogValueType.Command } function
            ? targets.Select(target => target.Path).Concat(targets.Select((_, index) => catalog.PathFor(function, index < action.Seats.Count ? action.Seats[index] : null, state)))
            : targets.Select(target => target.Path);

    /// <summary>An accepted action, said from what the car reported afterwards (<see cref="ActionOutcome.Reported"/>).</summary>
    private string Describe(ResolvedAction action, ActionOutcome outcome, string language)
    {
        var targets = outcome.Targets;
        if (action.Function is not { } function || action.Screen is not null || targets.Count == 0)
        {
            return Say(action, "done", null, language); // a screen task: the GUI agent has verified its goal state itself
        }

        var confirmation = outcome.Reported is { } reported
            ? targets.Select((target, index) => Confirm(function, action, target, index, reported)).Max()
            : Confirmation.NotConfirmed;
        var target = targets[0];
        return confirmation switch
        {
            Confirmation.Done => Say(action, "done", outcome.Reported!.GetValueOrDefault(target.Path), language),
            Confirmation.Moving => Phrase(language, "moving." + MovingKey(function, action.Call.Operation, target.Value, outcome.Reported!.GetValueOrDefault(target.Path)), function,
                ("what", What(function, action.Seats, language)), ("value", ValueText(function, action.Call, target.Value, language))),
            _ => PhraseBook.Fill(Words.Get(language, "notConfirmed"), ("ask", Say(action, "ask", target.Value, language))),
        };
    }

    /// <summary>
    /// Whether a target reads as asked. A sunroof's command is there when its position is (VSS: 0 closed, 100 open,
    /// negative tilted); a part that opens and reads short of its target is moving; anything else that reads otherwise
    /// was not taken.
    /// </summary>
    private Confirmation Confirm(CatalogFunction function, ResolvedAction action, VssTarget target, int index, IReadOnlyDictionary<string, object?> reported)
    {
        var value = reported.GetValueOrDefault(target.Path);
        if (!SameValue(value, target.Value))
        {
            return IsMovingPart(function) && function.Value.Type != CatalogValueType.Command ? Confirmation.Moving : Confirmation.NotConfirmed;
        }

        if (function.StatePath is not { } state || function.Value.Type != CatalogValueType.Command)
        {
            return Confirmation.Done;
        }

        var position = ToDouble(reported.GetValueOrDefault(catalog.PathFor(function, index < action.Seats.Count ? action.Seats[index] : null, state)));
        var there = CanonicalOperation(function, action.Call.Operation) switch
        {
            "open" => position >= 100,
            "close" => position == 0,
            "tilt" => position < 0,
            _ => true,
        };
        return there ? Confirmation.Done : Confirmation.Moving;
    }

    /// <summary>One action said in a form: <c>done</c>, or <c>ask</c> (lower case, to go inside a sentence).</summary>
    private string Say(ResolvedAction action, string form, object? value, string language)
    {
        if (action.Function is not { } function)
        {
            return Words.Get(language, form + ".generic");
        }

        if (action.Screen is { } task && Words.Find(language, $"{form}@{function.Id}") is { } screen)
        {
            string Slot(string name) => task.Text.TryGetValue(name, out var span) ? span.Text : "";
            var app = function.FindValue(task.Value ?? "")?.Label.For(language) ?? task.Value ?? "";
            return PhraseBook.Fill(screen, ("app", app), ("query", Slot("query")), ("place", Slot("place")), ("contact", Slot("contact")), ("target", Slot("target"))).Trim();
        }

        return Phrase(language, $"{form}.{Key(function, action.Call.Operation, value)}", function,
            ("what", What(function, action.Seats, language)), ("value", ValueText(function, action.Call, value, language)));
    }

    /// <summary>Which phrase says a change: its operation's ("on", "lock", "half"), or one that its value says better
    /// (a level switched on, a window between open and closed, zero as off).</summary>
    private static string Key(CatalogFunction function, string? operation, object? value)
    {
        var op = CanonicalOperation(function, operation);
        switch (function.Value.Type)
        {
            case CatalogValueType.Level:
                return LevelOf(function, value) == 0 ? "off" : op == "on" ? "onAt" : op;
            case CatalogValueType.Enum when function.Literal(op) is null:
                return "set"; // "turn on night mode" sets the value said
            case CatalogValueType.Number when op is "on" or "off" or "open" or "close" or "half" or "crack" or "mute" or "unmute":
                return op;
            case CatalogValueType.Number when IsMovingPart(function):
                return SameValue(value, function.Literal("open")) ? "open" : SameValue(value, function.Literal("close")) ? "close" : "position";
            case CatalogValueType.Number when function.Accepts("off") && SameValue(value, function.Literal("off")):
                return "off";
            default:
                return op;
        }
    }

    /// <summary>Which phrase says a part on its way: toward open or closed, to its end, halfway, a crack or a value; a
    /// sunroof by its command (open, close, tilt).</summary>
    private static string MovingKey(CatalogFunction function, string? operation, object target, object? reported)
    {
        var op = CanonicalOperation(function, operation);
        if (function.Value.Type == CatalogValueType.Command)
        {
            return op is "close" or "tilt" ? op : "open";
        }

        if (target is bool open)
        {
            return open ? "open" : "close";
        }

        if (SameValue(target, function.Literal("open")))
        {
            return "open";
        }

        if (SameValue(target, function.Literal("close")))
        {
            return "close";
        }

        var from = ToDouble(reported);
        var direction = ToDouble(target) > (double.IsNaN(from) ? 0 : from) ? "open" : "close";
        return direction + op switch
        {
            "half" => "Half",
            "crack" => "Crack",
            _ => "To",
        };
    }

    /// <summary>The thing changed, with its seats: "the driver's window", "the front seat heaters", "all the doors", "全车车窗".</summary>
    internal string What(CatalogFunction function, IReadOnlyList<string> seats, string language)
    {
        var one = Words.Find(language, "one@" + function.Id) ?? function.Label.For(language);
        var many = Words.Find(language, "many@" + function.Id) ?? one;
        var (form, zone) = function.Zoning is not { } zoning || seats.Count == 0 ? ("what", "")
            : seats.Count == 1 ? ("what.seat", Words.Get(language, "zone." + seats[0]))
            : zoning.Seats.All(seats.Contains) ? ("what.all", "")
            : catalog.Zones.FirstOrDefault(candidate => candidate.Seats.Count == seats.Count && candidate.Seats.All(seats.Contains)) is { } row ? ("what.row", Words.Get(language, "zone." + row.Id))
            : ("what.row", List(language, seats.Select(seat => Words.Get(language, "zone." + seat))));
        return Phrase(language, form, function, ("one", one), ("many", many), ("zone", zone));
    }

    /// <summary>A value as said: "22度" / "22 degrees", "50%" / "50 percent", a level where levels are the function's unit
    /// or one was asked for ("3档" / "level 3"), an enum value by its label.</summary>
    private static string ValueText(CatalogFunction function, ActionCall call, object? value, string language)
    {
        var spec = function.Value;
        var levelAsked = call.Value?.Kind == ActionValueKind.Level && spec.Levels.Contains(Math.Abs(ToDouble(value)));
        if (spec.Type == CatalogValueType.Level || (spec.Type == CatalogValueType.Number && levelAsked))
        {
            return PhraseBook.Fill(Words.Get(language, "value.level"), ("n", LevelOf(function, value).ToString(CultureInfo.InvariantCulture)));
        }

        if (spec.Type == CatalogValueType.Enum)
        {
            return value is string symbol && function.FindValue(symbol) is { } choice ? choice.Label.For(language) : KuksaValues.Format(value);
        }

        var template = Words.Find(language, "value." + spec.Unit.En) ?? Words.Get(language, "value.number");
        return PhraseBook.Fill(template, ("n", KuksaValues.Format(value)), ("unit", spec.Unit.For(language))).Trim();
    }

    /// <summary>A phrase by key, the function's own (<c>key@function</c>) where the file has one, with its holes filled.</summary>
    private static string Phrase(string language, string key, CatalogFunction function, params (string Name, string Value)[] values) =>
        PhraseBook.Fill(Words.Find(language, $"{key}@{function.Id}") ?? Words.Get(language, key), values);

    /// <summary>Sentences joined as the language writes them: "已打开天窗，已打开空调。" / "Opened the sunroof. Turned on the A/C."</summary>
    private static string Sentences(string language, IEnumerable<string> sentences)
    {
        var end = Words.Get(language, "sentence.end");
        var text = string.Join(Words.Get(language, "sentence.join"), sentences
            .Select(sentence => sentence.Trim().TrimEnd('。', '.'))
            .Where(sentence => sentence.Length > 0)
            .Select(sentence => sentence.EndsWith('?') || sentence.EndsWith('？') ? sentence : sentence + end));
        return text.EndsWith('?') || text.EndsWith('？') ? text : text + Words.Get(language, "reply.end");
    }

    private static string List(string language, IEnumerable<string> items)
    {
        var all = items.ToList();
        return all.Count <= 1 ? string.Concat(all) : string.Join(Words.Get(language, "list.join"), all[..^1]) + Words.Get(language, "list.last") + all[^1];
    }

    /// <summary>The operation's canonical spelling for the function: a lamp's "open" is its "on", a mirror's "close" its "fold".</summary>
    private static string CanonicalOperation(CatalogFunction function, string? operation) =>
        operation is null ? "set" : function.CanonicalOperation(operation);

    /// <summary>Parts that open and close over time (windows, shades, sunroof, doors, trunk), as opposed to switches that
    /// also answer to "open" (a lamp's canonical spelling of it is "on").</summary>
    private static bool IsMovingPart(CatalogFunction function) =>
        function.Value.Type is CatalogValueType.Number or CatalogValueType.Bool or CatalogValueType.Command
        && function.Accepts("open") && function.CanonicalOperation("open") == "open";

    private static int LevelOf(CatalogFunction function, object? value)
    {
        var magnitude = Math.Abs(ToDouble(value));
        var levels = function.Value.Levels;
        return levels.Count == 0 ? 0 : Enumerable.Range(0, levels.Count).MinBy(index => Math.Abs(levels[index] - magnitude));
    }

    private static bool SameValue(object? reported, object? target) => (reported, target) switch
    {
        (null, _) or (_, null) => false,
        (string or bool, _) or (_, string or bool) => Equals(reported, target),
        _ => Math.Abs(ToDouble(reported) - ToDouble(target)) < 1e-3,
    };

    private static double ToDouble(object? value) => value is IConvertible number and not (string or bool)
        ? number.ToDouble(CultureInfo.InvariantCulture)
        : double.NaN;
}
