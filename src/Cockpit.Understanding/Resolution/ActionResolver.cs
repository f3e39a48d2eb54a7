using System.Globalization;
using Cockpit.Understanding.Catalog;
using Cockpit.Understanding.Model;

namespace Cockpit.Understanding.Resolution;

/// <summary>
/// Turns understood calls into concrete VSS targets: zones and "my" become seats, operations and values become
/// numbers in range (relative changes from the current value, clamped; absolute values out of range are refused
/// with the range), follow-ups take the last turn's function and seats. A number said is never turned into another
/// one: a negative value or level, a negative change ("调低负五度") and a change larger than the whole range are refused
/// with the range too. Pure: no I/O, thread-safe.
/// </summary>
/// <param name="catalog">The action catalog.</param>
public sealed class ActionResolver(ActionCatalog catalog)
{
    /// <summary>Resolves one turn.</summary>
    /// <param name="calls">The understood calls.</param>
    /// <param name="speakingSeat">Who speaks; resolves <c>mine</c>.</param>
    /// <param name="currentValue">Current value of a VSS path (bool, number or string), or null when unknown.</param>
    /// <param name="context">The previous turn's context, or null.</param>
    public ResolutionResult Resolve(IReadOnlyList<ActionCall> calls, Seat speakingSeat, Func<string, object?> currentValue, DialogueContext? context)
    {
        ArgumentNullException.ThrowIfNull(calls);
        ArgumentNullException.ThrowIfNull(currentValue);
        var actions = new List<ResolvedAction>(calls.Count);
        var next = context;
        foreach (var call in calls)
        {
            var action = ResolveOne(call, speakingSeat, currentValue, context);
            actions.Add(action);
            if (action.Refusal is null && action.Function is { IsScreenTask: false } f)
            {
                next = new DialogueContext(f.Id, action.Seats, action.Call.Operation);
            }
        }

        return new ResolutionResult(actions, next);
    }

    private static string Num(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    private static double? AsDouble(object? value) => value switch
    {
        null => null,
        bool b => b ? 1 : 0,
        string s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null,
        IConvertible c => c.ToDouble(CultureInfo.InvariantCulture),
        _ => null,
    };

    private ResolvedAction ResolveOne(ActionCall call, Seat speakingSeat, Func<string, object?> currentValue, DialogueContext? context)
    {
        if (call.Operation == LabelSet.QueryOperation && call.Function is { } asked && catalog.FindReading(asked) is { } reading)
        {
            return new ResolvedAction { Call = call, Reading = reading, Reads = reading.Paths };
        }

        var function = catalog.FindFunction(call.Function ?? context?.Function);
        if (function is null)
        {
            return call.Function is null
                ? Refuse(call, null, RefusalReason.NeedsContext, "needsContext")
                : Refuse(call, null, RefusalReason.UnknownFunction, "unknownFunction");
        }

        var op = call.Operation;
        if (op == LabelSet.QueryOperation && !function.IsScreenTask)
        {
            return Query(call, function, speakingSeat);
        }

        if (function.Ops.Count > 0)
        {
            op = Closest(function, op ?? (call.Value is not null ? "set" : null));
            if (op is null)
            {
                return Refuse(call, function, RefusalReason.UnsupportedOperation, "unsupportedOperation");
            }
        }

        if (function.IsScreenTask)
        {
            var value = call.Value?.Symbol ?? (op is not null ? function.Literal(op) : null) switch
            {
                bool b => b ? "true" : "false",
                string s => s,
                _ => null,
            };
            return new ResolvedAction
            {
                Call = call with { Function = function.Id, Operation = op },
                Function = function,
                Screen = new ScreenTask(function.Id, op, value, call.Text),
            };
        }

        var seats = SeatsFor(function, call, speakingSeat, context, out var zoneRefusal);
        if (zoneRefusal is not null)
        {
            return new ResolvedAction { Call = call, Function = function, Refusal = zoneRefusal };
        }

        var targets = new List<VssTarget>();
        foreach (var seat in seats.DefaultIfEmpty(null))
        {
            var path = catalog.PathFor(function, seat);
            var (value, refusal) = Target(function, op!, call, currentValue(path));
            if (refusal is not null)
            {
                return new ResolvedAction { Call = call, Function = function, Refusal = refusal, Seats = seats };
            }

            targets.Add(new VssTarget(path, value!));
        }

        return new ResolvedAction
        {
            Call = call with { Function = function.Id, Operation = op },
            Function = function,
            Targets = targets,
            Seats = seats,
        };
    }

    /// <summary>
    /// A question about a function's state: the paths that hold it for the seats asked about — those named, else every
    /// seat the function has ("are the windows open?" asks about all of them).
    /// </summary>
    private ResolvedAction Query(ActionCall call, CatalogFunction function, Seat speakingSeat)
    {
        var path = function.StatePath ?? function.Path;
        if (path is null)
        {
            return Refuse(call, function, RefusalReason.UnsupportedOperation, "cannotTell");
        }

        if (function.Zoning is not { } zoning)
        {
            return new ResolvedAction { Call = call, Function = function, Reads = [path] };
        }

        var named = call.Zones.SelectMany(zone => zone == "mine" ? [speakingSeat.ToId()] : catalog.FindZone(zone)?.Seats ?? []).ToHashSet(StringComparer.Ordinal);
        var seats = zoning.Seats.Where(seat => named.Count == 0 || named.Contains(seat)).ToList();
        return seats.Count == 0
            ? Refuse(call, function, RefusalReason.UnsupportedZone, "noSuchZone")
            : new ResolvedAction { Call = call, Function = function, Seats = seats, Reads = [.. seats.Select(seat => catalog.PathFor(function, seat, path))] };
    }

    /// <summary>
    /// The operation a function accepts that is closest to <paramref name="op"/>: itself, or one of its family ("on" for a
    /// sunroof is its "open", "close" for a lamp its "off"), so a follow-up's operation applies to the function before.
    /// </summary>
    private static string? Closest(CatalogFunction function, string? op)
    {
        if (op is null || function.Accepts(op))
        {
            return op;
        }

        string[] family = op switch
        {
            "on" => ["open", "play", "unfold", "unmute"],
            "open" => ["on", "unfold", "unmute"],
            "off" => ["close", "pause", "mute"],
            "close" => ["off", "fold", "mute"],
            "max" => ["open"],
            "min" => ["close"],
            "play" => ["on"],
            "pause" => ["off"],
            "unfold" or "unmute" => ["open", "on"],
            "fold" or "mute" => ["close", "off"],
            _ => [],
        };
        return family.FirstOrDefault(function.Accepts);
    }

    private List<string> SeatsFor(CatalogFunction function, ActionCall call, Seat speakingSeat, DialogueContext? context, out Refusal? refusal)
    {
        refusal = null;
        if (function.Zoning is not { } zoning)
        {
            return [];
        }

        IEnumerable<string> wanted;
        if (call.Zones.Count > 0)
        {
            wanted = call.Zones.SelectMany(z => z == "mine" ? [speakingSeat.ToId()] : catalog.FindZone(z)?.Seats ?? []);
        }
        else if (context is not null && context.Function == function.Id && context.Seats.Count > 0)
        {
            wanted = context.Seats;
        }
        else
        {
            wanted = zoning.Default == "mine" ? [speakingSeat.ToId()] : catalog.FindZone(zoning.Default)?.Seats ?? [];
        }

        var wantedList = wanted.Distinct().ToList();
        var seats = zoning.Seats.Where(wantedList.Contains).ToList();
        if (seats.Count == 0)
        {
            var zone = call.Zones.Count > 0 ? catalog.FindZone(call.Zones[0])?.Label : null;
            refusal = zone is null
                ? RefusalPhrases.Refuse(RefusalReason.UnsupportedZone, "noSuchSeat.unnamed", function)
                : RefusalPhrases.Refuse(RefusalReason.UnsupportedZone, "noSuchSeat", function, ("zone", zone.Zh, zone.En));
        }

        return seats;
    }

    private static (object? Value, Refusal? Refusal) Target(CatalogFunction function, string op, ActionCall call, object? current)
    {
        var spec = function.Value;
        var literal = function.Literal(op);
        switch (spec.Type)
        {
            case CatalogValueType.Bool:
                return literal is bool b ? (b, null) : (null, Unsupported(function));
            case CatalogValueType.Command:
                return literal is string s ? (s, null) : (null, Unsupported(function));
            case CatalogValueType.Enum:
                if (literal is string e)
                {
                    return (e, null);
                }

                if (call.Value?.Symbol is { } symbol && function.FindValue(symbol) is { } ev)
                {
                    return (ev.Value, null);
                }

                return (null, RefusalPhrases.Refuse(RefusalReason.MissingValue, "missingChoice", function));
            case CatalogValueType.Level:
                return LevelTarget(function, op, call, current);
            case CatalogValueType.Number:
                return NumberTarget(function, op, call, current, literal);
            default:
                return (null, Unsupported(function));
        }
    }

    private static (object? Value, Refusal? Refusal) NumberTarget(CatalogFunction function, string op, ActionCall call, object? current, object? literal)
    {
        var spec = function.Value;
        double target;
        if (literal is double l)
        {
            target = l;
        }
        else
        {
            switch (op)
            {
                case "max":
                    target = spec.Max;
                    break;
                case "min":
                    target = spec.Min;
                    break;
                case "up" or "down":
                    var now = AsDouble(current) ?? ((spec.Min + spec.Max) / 2);
                    var delta = call.Delta ?? spec.RelativeStep;
                    if (delta < 0 || delta > spec.Max - spec.Min)
                    {
                        // "调低负五度" is not a rise of five, and no change beyond the whole range can be meant.
                        return (null, OutOfRange(function));
                    }

                    target = Math.Clamp(op == "up" ? now + delta : now - delta, spec.Min, spec.Max);
                    break;
                default:
                    if (call.Value is not { Kind: not ActionValueKind.Enum } v)
                    {
                        return (null, RefusalPhrases.Refuse(RefusalReason.MissingValue, "missingNumber", function));
                    }

                    target = v.Number;
                    if (v.Kind == ActionValueKind.Level && spec.Levels.Count > 0)
                    {
                        // Compared as a double: a level said as 10^19 must not saturate or wrap into a valid int.
                        var k = Math.Round(v.Number);
                        if (k < 1 || k >= spec.Levels.Count)
                        {
                            return (null, OutOfLevels(function));
                        }

                        target = spec.Levels[(int)k];
                    }

                    if (target < spec.Min || target > spec.Max)
                    {
                        return (null, OutOfRange(function));
                    }

                    break;
            }
        }

        target = Math.Round(target / spec.Step) * spec.Step;
        target = Math.Clamp(target, spec.Min, spec.Max);
        return spec.Step % 1 == 0 ? ((int)Math.Round(target), null) : ((float)target, null);
    }

    private static (object? Value, Refusal? Refusal) LevelTarget(CatalogFunction function, string op, ActionCall call, object? current)
    {
        var spec = function.Value;
        var top = spec.Levels.Count - 1;
        int level;
        switch (op)
        {
            case "on":
                level = spec.OnLevel;
                break;
            case "off":
                level = 0;
                break;
            case "max":
                level = top;
                break;
            case "min":
                level = 1;
                break;
            case "up" or "down":
                var magnitude = AsDouble(current) is { } c && Math.Sign(c) == spec.Sign ? Math.Abs(c) : 0;
                var now = Enumerable.Range(0, spec.Levels.Count).MinBy(i => Math.Abs(spec.Levels[i] - magnitude));
                var delta = Math.Round(call.Delta ?? 1);
                if (delta < 0 || delta > top)
                {
                    return (null, OutOfLevels(function));
                }

                level = Math.Clamp(op == "up" ? now + (int)delta : now - (int)delta, 0, top);
                break;
            default:
                if (call.Value is not { Kind: not ActionValueKind.Enum } v)
                {
                    return (null, RefusalPhrases.Refuse(RefusalReason.MissingValue, "missingLevel", function));
                }

                // A level or its VSS magnitude ("seat heating to 67"); a negative one is no level, whatever the sign the
                // function writes to the car.
                var asMagnitude = v.Number < 0 ? -1 : spec.Levels.ToList().IndexOf(v.Number);
                level = v.Number >= 0 && v.Number <= top && v.Number % 1 == 0 ? (int)v.Number : asMagnitude;
                if (level < 0)
                {
                    return (null, OutOfLevels(function));
                }

                break;
        }

        return ((int)(spec.Sign * spec.Levels[level]), null);
    }

    private static Refusal Unsupported(CatalogFunction function) =>
        RefusalPhrases.Refuse(RefusalReason.UnsupportedOperation, "unsupportedOperation", function);

    private static Refusal OutOfLevels(CatalogFunction function)
    {
        var top = function.Value.Levels.Count - 1;
        var levels = top.ToString(CultureInfo.InvariantCulture);
        return RefusalPhrases.Refuse(RefusalReason.OutOfRange, "outOfLevels", function, ("top", levels, levels));
    }

    private static Refusal OutOfRange(CatalogFunction function)
    {
        var spec = function.Value;
        var unitEn = string.IsNullOrEmpty(spec.Unit.En) ? "" : " " + spec.Unit.En;
        return RefusalPhrases.Refuse(RefusalReason.OutOfRange, "outOfRange", function,
            ("min", Num(spec.Min), Num(spec.Min)), ("max", Num(spec.Max), Num(spec.Max)), ("unit", spec.Unit.Zh, unitEn));
    }

    private static ResolvedAction Refuse(ActionCall call, CatalogFunction? function, RefusalReason reason, string key) =>
        new() { Call = call, Function = function, Refusal = RefusalPhrases.Refuse(reason, key, function) };
}
