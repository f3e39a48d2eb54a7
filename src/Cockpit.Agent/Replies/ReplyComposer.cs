using System.Globalization;
using Cockpit.Agent.Conversations;
using Cockpit.Understanding.Catalog;
using Cockpit.Understanding.Resolution;
using Grpc.Core;

namespace Cockpit.Agent.Replies;

/// <summary>
/// Short replies in the occupant's language that say what was done ("已将主驾温度调到22度",
/// "Opened the sunroof.") or why not, built from the action catalog's labels.
/// </summary>
internal sealed class ReplyComposer(ActionCatalog catalog)
{
    // Mandarin says what was done with 已 before what it asks about: "已打开天窗" / "您是想打开天窗吗？".
    private static readonly Dictionary<string, (string Zh, string En, string EnAsk)> s_verbs = new(StringComparer.Ordinal)
    {
        ["on"] = ("已打开{zone}{label}", "Turned on the {zone}{label}", "turn on the {zone}{label}"),
        ["off"] = ("已关闭{zone}{label}", "Turned off the {zone}{label}", "turn off the {zone}{label}"),
        ["open"] = ("已打开{zone}{label}", "Opened the {zone}{label}", "open the {zone}{label}"),
        ["close"] = ("已关闭{zone}{label}", "Closed the {zone}{label}", "close the {zone}{label}"),
        ["tilt"] = ("已将{zone}{label}翘起", "Tilted the {zone}{label}", "tilt the {zone}{label}"),
        ["lock"] = ("已锁上{zone}{label}", "Locked the {zone}{label}", "lock the {zone}{label}"),
        ["unlock"] = ("已解锁{zone}{label}", "Unlocked the {zone}{label}", "unlock the {zone}{label}"),
        ["fold"] = ("已折叠{zone}{label}", "Folded the {zone}{label}", "fold the {zone}{label}"),
        ["unfold"] = ("已展开{zone}{label}", "Unfolded the {zone}{label}", "unfold the {zone}{label}"),
        ["play"] = ("已开始播放", "Playing", "start playing"),
        ["pause"] = ("已暂停播放", "Paused", "pause"),
        ["next"] = ("已切换到下一首", "Skipped to the next track", "skip to the next track"),
        ["previous"] = ("已切换到上一首", "Back to the previous track", "go back to the previous track"),
        ["mute"] = ("已将{zone}{label}静音", "Muted the {zone}{label}", "mute the {zone}{label}"),
        ["unmute"] = ("已取消{zone}{label}静音", "Unmuted the {zone}{label}", "unmute the {zone}{label}"),
    };

    /// <summary>The reply for a turn, given what became of each action.</summary>
    public string Compose(string language, TurnOutcome outcome, IReadOnlyList<(ResolvedAction Action, ActionOutcome Outcome)> actions)
    {
        var zh = IsChinese(language);
        switch (outcome)
        {
            case TurnOutcome.NotUnderstood:
                return zh ? "抱歉，我没听懂，请再说一遍。" : "Sorry, I didn't catch that.";
            case TurnOutcome.Clarify when actions.Count == 0:
                return zh ? "请问您具体想调整什么？" : "What would you like me to change?";
            case TurnOutcome.Failed when actions.All(item => item.Outcome.Status == ActionStatus.Failed):
                return actions.Select(item => item.Outcome.Reason).FirstOrDefault(reason => reason is not null) ?? FailedReason(language, StatusCode.Unavailable);
        }

        var sentences = actions.Select(item => item.Outcome.Status == ActionStatus.Accepted
            ? Describe(item.Action, zh, asking: false)
            : item.Outcome.Reason ?? (zh ? "这个操作没有完成。" : "That didn't work."));
        return zh
            ? string.Join("，", sentences.Select(sentence => sentence.TrimEnd('。', '.'))) + "。"
            : string.Join(" ", sentences.Select(sentence => sentence.EndsWith('.') || sentence.EndsWith('?') ? sentence : sentence + "."));
    }

    /// <summary>The question for actions understood too weakly to carry out unasked ("Do you want me to open the sunroof?");
    /// a yes carries them out.</summary>
    public string AskToConfirm(string language, IEnumerable<ResolvedAction> actions)
    {
        var zh = IsChinese(language);
        var requests = actions.Select(action => Describe(action, zh, asking: true));
        return zh ? $"您是想{string.Join("，再", requests)}吗？" : $"Do you want me to {string.Join(" and ", requests)}?";
    }

    /// <summary>The reply to a no to <see cref="AskToConfirm"/>.</summary>
    public static string Declined(string language) =>
        IsChinese(language) ? "好的，那就不调整了。" : "OK, I'll leave it as it is.";

    /// <summary>The localised reason for a refusal by the car's interlocks (e.g. opening the trunk while driving).</summary>
    public static string InterlockReason(ResolvedAction action, string language)
    {
        var label = action.Function?.Label.For(language) ?? "";
        return IsChinese(language) ? $"车辆行驶中，不能打开{label}" : $"I can't open the {label} while the car is moving";
    }

    /// <summary>
    /// The localised reason for a call the car's or the screen's service did not carry out: its refusal of the agent's
    /// credentials or scope is said as such; anything else as not reachable.
    /// </summary>
    public static string FailedReason(string language, StatusCode code) => (IsChinese(language), code) switch
    {
        (true, StatusCode.Unauthenticated) => "车辆系统拒绝了我的访问授权（无效或已过期），没有做任何改动。",
        (false, StatusCode.Unauthenticated) => "The car's systems refused my credentials (invalid or expired), so nothing was changed.",
        (true, StatusCode.PermissionDenied) => "我没有权限做这个操作，没有做任何改动。",
        (false, StatusCode.PermissionDenied) => "I'm not permitted to do that, so nothing was changed.",
        (true, _) => "暂时无法连接车辆系统，没有做任何改动，请稍后再试。",
        (false, _) => "I can't reach the car's systems right now, so nothing was changed. Please try again.",
    };

    /// <summary>The localised reason for a value the car rejected.</summary>
    public static string RejectedReason(string language, string detail) =>
        IsChinese(language) ? $"车辆拒绝了这个设置（{detail}）" : $"The car refused that setting ({detail})";

    private string Describe(ResolvedAction action, bool zh, bool asking)
    {
        var function = action.Function;
        if (function is null)
        {
            return zh ? "好的" : "Done";
        }

        if (action.Screen is { } task)
        {
            return DescribeScreen(function, task, zh, asking);
        }

        var label = function.Label.For(zh ? "zh" : "en");
        var zone = ZoneLabel(action, zh);
        var operation = action.Call.Operation ?? "set";
        if (s_verbs.TryGetValue(operation, out var verb) && !(operation is "on" or "open" && function.Value.Type == CatalogValueType.Level))
        {
            var template = zh ? (asking ? verb.Zh[1..] : verb.Zh) : asking ? verb.EnAsk : verb.En;
            return Fill(template, zone, label, zh);
        }

        var value = ValueText(function, action.Targets.Count > 0 ? action.Targets[0].Value : null, zh);
        return (zh, asking) switch
        {
            (true, false) => $"已将{zone}{label}调到{value}",
            (true, true) => $"将{zone}{label}调到{value}",
            (false, false) => $"Set the {zone}{label} to {value}",
            (false, true) => $"set the {zone}{label} to {value}",
        };
    }

    private static string DescribeScreen(CatalogFunction function, ScreenTask task, bool zh, bool asking)
    {
        string Slot(string name) => task.Text.TryGetValue(name, out var span) ? span.Text : "";
        var (zhDone, zhAsk, enDone, enAsk) = task.Function switch
        {
            "screen.open_app" => ($"已打开{AppLabel("zh")}", $"打开{AppLabel("zh")}", $"Opened {AppLabel("en")}", $"open {AppLabel("en")}"),
            "screen.bluetooth" or "screen.wifi" when task.Value == "false" =>
                ($"已关闭{function.Label.Zh}", $"关闭{function.Label.Zh}", $"Turned off {function.Label.En}", $"turn off {function.Label.En}"),
            "screen.bluetooth" or "screen.wifi" =>
                ($"已打开{function.Label.Zh}", $"打开{function.Label.Zh}", $"Turned on {function.Label.En}", $"turn on {function.Label.En}"),
            "screen.play" => ($"正在播放{Slot("query")}", $"播放{Slot("query")}", $"Playing {Slot("query")}", $"play {Slot("query")}"),
            "screen.navigate" => ($"开始导航到{Slot("place")}", $"导航到{Slot("place")}", $"Starting guidance to {Slot("place")}", $"navigate to {Slot("place")}"),
            "screen.call" => ($"正在呼叫{Slot("contact")}", $"呼叫{Slot("contact")}", $"Calling {Slot("contact")}", $"call {Slot("contact")}"),
            "screen.back" => ("已返回", "返回", "Went back", "go back"),
            _ => ("好的", function.Label.Zh, "Done", function.Label.En),
        };
        return zh ? (asking ? zhAsk : zhDone) : asking ? enAsk : enDone;

        string AppLabel(string language) => function.FindValue(task.Value ?? "")?.Label.For(language) ?? task.Value ?? "";
    }

    private string ZoneLabel(ResolvedAction action, bool zh)
    {
        if (action.Function?.Zoning is null || action.Seats.Count == 0)
        {
            return "";
        }

        var zone = catalog.Zones.FirstOrDefault(candidate => candidate.Seats.Order(StringComparer.Ordinal).SequenceEqual(action.Seats.Order(StringComparer.Ordinal)));
        if (zone is null)
        {
            return zh ? "" : "";
        }

        var text = zone.Label.For(zh ? "zh" : "en");
        return zh ? text : text + " ";
    }

    private static string ValueText(CatalogFunction function, object? value, bool zh)
    {
        var unit = function.Value.Unit.For(zh ? "zh" : "en");
        switch (function.Value.Type)
        {
            case CatalogValueType.Level when value is not null:
                var magnitude = Math.Abs(Convert.ToDouble(value, CultureInfo.InvariantCulture));
                var level = function.Value.Levels.Select((candidate, index) => (candidate, index)).MinBy(pair => Math.Abs(pair.candidate - magnitude)).index;
                return level == 0 ? (zh ? "关闭" : "off") : zh ? $"{level}{unit}" : $"{unit} {level}";
            case CatalogValueType.Enum when value is string name && function.FindValue(name) is { } choice:
                return choice.Label.For(zh ? "zh" : "en");
            default:
                var number = Execution.WireValues.Format(value);
                return zh ? number + unit : unit.Length == 0 ? number : $"{number} {unit}";
        }
    }

    private static string Fill(string template, string zone, string label, bool zh) =>
        template.Replace("{zone}", zone, StringComparison.Ordinal).Replace("{label}", label, StringComparison.Ordinal)
            is var text && !zh ? text.Replace("  ", " ", StringComparison.Ordinal).Trim() : text;

    private static bool IsChinese(string language) => language.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
}
