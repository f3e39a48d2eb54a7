using System.Globalization;
using System.Text.RegularExpressions;
using Cockpit.Agent.Conversations;
using Cockpit.Agent.Replies;
using Cockpit.Understanding;
using Cockpit.Understanding.Catalog;
using Cockpit.Understanding.Resolution;

namespace Cockpit.Agent.Tests.Replies;

/// <summary>
/// Every catalog function × operation × zone form, in both languages, through the real resolver and the reply composer:
/// done (the car reports the targets), not there (it reports the values before), not read. Each reply reads as a
/// sentence; a hand-written sample is compared word for word. No model and no car are needed.
/// </summary>
public sealed partial class ReplyTableTests
{
    private static readonly ActionCatalog Catalog = ActionCatalog.Default;
    private static readonly string[] ZoneForms = ["", "rear_left", "front", "all", "driver+rear_right"];
    private static readonly string[] BrandNames = ["USB", "FM", "AM"];

    private readonly ReplyComposer _replies = new(Catalog);
    private readonly ActionResolver _resolver = new(Catalog);

    /// <summary>Function, operation ("set:level" sets a level of a function that has levels) and zones ("" none, "a+b").</summary>
    public static TheoryData<string, string, string> EveryCall()
    {
        var rows = new TheoryData<string, string, string>();
        foreach (var function in Catalog.Functions)
        {
            var operations = function.Ops.Count == 0 ? [""] : function.Ops.Keys.ToList();
            if (function.Value.Type == CatalogValueType.Number && function.Value.Levels.Count > 0)
            {
                operations.Add("set:level");
            }

            foreach (var operation in operations)
            {
                foreach (var zones in function.Zoning is null ? [""] : ZoneForms)
                {
                    rows.Add(function.Id, operation, zones);
                }
            }
        }

        return rows;
    }

    [Fact]
    public void EveryCall_CoversTheWholeCatalog()
    {
        var rows = EveryCall().Select(row => (string)row[0]).ToHashSet();

        Assert.Equal(Catalog.Functions.Select(function => function.Id).ToHashSet(), rows);
    }

    [Theory]
    [MemberData(nameof(EveryCall))]
    public void Compose_EveryFunctionOperationAndZone_ReadsAsASentenceInBothLanguages(string function, string operation, string zones)
    {
        foreach (var language in new[] { "zh", "en" })
        {
            var action = Resolve(language, function, operation, zones);
            var fates = action.Refusal is null && action.Screen is null
                ? new[] { Confirmed(action), Before(action), null }
                : [null];

            foreach (var reported in fates)
            {
                var reply = _replies.Compose(language, action.Refusal is null ? TurnOutcome.Done : TurnOutcome.Refused, [Outcome(action, language, reported)]);
                AssertReadsWell(language, reply, $"{function}.{operation}({zones})");
            }

            if (action.Refusal is null)
            {
                AssertReadsWell(language, _replies.AskToConfirm(language, [action]), $"ask {function}.{operation}({zones})");
            }
        }
    }

    /// <summary>Written by hand: what an occupant should hear. <c>reported</c>: empty when the car reports the targets,
    /// <c>unread</c> when nothing could be read back, else the value every target (a sunroof: its position) reports.</summary>
    [Theory]
    [InlineData("climate.temperature", "set", "driver", "22", "", "已将主驾温度调到22度。", "Set the driver's temperature to 22 degrees.")]
    [InlineData("climate.temperature", "set", "all", "22", "", "已将全车温度调到22度。", "Set the temperature everywhere to 22 degrees.")]
    [InlineData("climate.temperature", "set", "driver", "22.5", "", "已将主驾温度调到22.5度。", "Set the driver's temperature to 22.5 degrees.")]
    [InlineData("climate.temperature", "up", "", "", "", "已将主驾温度调高到23度。", "Turned the driver's temperature up to 23 degrees.")]
    [InlineData("climate.temperature", "max", "", "", "", "已将主驾温度调到最高，32度。", "Turned the driver's temperature up to the maximum, 32 degrees.")]
    [InlineData("climate.fan_speed", "set:level", "driver", "3", "", "已将主驾风量调到3档。", "Set the driver's fan to level 3.")]
    [InlineData("climate.fan_speed", "set", "front", "50", "", "已将前排风量调到50%。", "Set the front fans to 50 percent.")]
    [InlineData("climate.fan_speed", "off", "all", "", "", "已将全车风量关掉。", "Turned off all the fans.")]
    [InlineData("climate.air_distribution", "set", "passenger", "DOWN", "", "已将副驾出风方向调到吹脚。", "Directed the passenger's air to the feet.")]
    [InlineData("display.mode", "on", "", "NIGHT", "", "已切换到夜间模式。", "Switched to night mode.")]
    [InlineData("screen.play", "", "", "", "", "正在播放七里香。", "Playing Yellow.")]
    [InlineData("screen.call", "", "", "", "", "正在呼叫妈妈。", "Calling Mom.")]
    [InlineData("climate.ac", "on", "", "", "", "已打开空调。", "Turned on the A/C.")]
    [InlineData("climate.ac", "open", "", "", "", "已打开空调。", "Turned on the A/C.")]
    [InlineData("climate.recirculation", "off", "", "", "", "已关闭内循环。", "Turned off recirculation.")]
    [InlineData("seat.heating", "on", "driver", "", "", "已将主驾座椅加热打开到2档。", "Turned on the driver's seat heater at level 2.")]
    [InlineData("seat.heating", "set", "front", "3", "", "已将前排座椅加热调到3档。", "Set the front seat heaters to level 3.")]
    [InlineData("seat.heating", "off", "all", "", "", "已关闭全车座椅加热。", "Turned off all the seat heaters.")]
    [InlineData("seat.ventilation", "max", "rear", "", "", "已将后排座椅通风调到最高，3档。", "Turned the rear seat ventilation up to the maximum, level 3.")]
    [InlineData("seat.massage", "on", "", "", "", "已打开主驾座椅按摩。", "Turned on the driver's seat massage.")]
    [InlineData("window.position", "open", "driver", "", "", "已打开主驾车窗。", "Opened the driver's window.")]
    [InlineData("window.position", "close", "all", "", "", "已关闭全车车窗。", "Closed all the windows.")]
    [InlineData("window.position", "half", "passenger", "", "", "已将副驾车窗打开一半。", "Opened the passenger's window halfway.")]
    [InlineData("window.position", "crack", "rear", "", "", "已将后排车窗打开一条缝。", "Opened the rear windows a crack.")]
    [InlineData("window.position", "set", "driver", "30", "", "已将主驾车窗开到30%。", "Set the driver's window to 30 percent open.")]
    [InlineData("window.position", "open", "driver", "", "0", "正在打开主驾车窗。", "Opening the driver's window.")]
    [InlineData("window.position", "half", "passenger", "", "0", "正在将副驾车窗打开一半。", "Opening the passenger's window halfway.")]
    [InlineData("window.position", "close", "all", "", "100", "正在关闭全车车窗。", "Closing all the windows.")]
    [InlineData("sunroof", "open", "", "", "", "已打开天窗。", "Opened the sunroof.")]
    [InlineData("sunroof", "open", "", "", "0", "正在打开天窗。", "Opening the sunroof.")]
    [InlineData("sunroof", "tilt", "", "", "", "已将天窗翘起。", "Tilted the sunroof open.")]
    [InlineData("sunroof.shade", "half", "", "", "", "已将天窗遮阳帘打开一半。", "Opened the sunroof shade halfway.")]
    [InlineData("door.lock", "lock", "", "", "", "已锁上全车车门。", "Locked all the doors.")]
    [InlineData("door.lock", "unlock", "driver", "", "", "已解锁主驾车门。", "Unlocked the driver's door.")]
    [InlineData("door.open", "open", "rear_right", "", "", "已打开右后车门。", "Opened the rear right door.")]
    [InlineData("trunk", "open", "", "", "false", "正在打开后备箱。", "Opening the trunk.")]
    [InlineData("lights.low_beam", "on", "", "", "", "已打开近光灯。", "Turned on the low beams.")]
    [InlineData("light.reading", "on", "driver+rear_right", "", "", "已打开主驾和右后阅读灯。", "Turned on the driver's and rear right reading lights.")]
    [InlineData("light.ambient", "off", "", "", "", "已关闭前排氛围灯。", "Turned off the front ambient lights.")]
    [InlineData("light.ambient_color", "set", "all", "BLUE", "", "已将全车氛围灯颜色调到蓝色。", "Set the ambient light colour everywhere to blue.")]
    [InlineData("mirrors.fold", "fold", "", "", "", "已折叠两侧后视镜。", "Folded both mirrors.")]
    [InlineData("mirrors.fold", "close", "passenger", "", "", "已折叠副驾后视镜。", "Folded the passenger's mirror.")]
    [InlineData("media.playback", "next", "", "", "", "已切换到下一首。", "Skipped to the next track.")]
    [InlineData("media.volume", "set", "", "50", "", "已将音量调到50%。", "Set the volume to 50 percent.")]
    [InlineData("media.volume", "mute", "", "", "", "已静音。", "Muted the sound.")]
    [InlineData("media.source", "set", "", "USB", "", "已将音源切换到USB。", "Switched the audio source to USB.")]
    [InlineData("display.mode", "set", "", "NIGHT", "", "已切换到夜间模式。", "Switched to night mode.")]
    [InlineData("wipers.front", "on", "", "", "", "已打开雨刮。", "Turned on the wipers.")]
    [InlineData("nav.mute", "mute", "", "", "", "已将导航播报静音。", "Muted the navigation voice.")]
    [InlineData("climate.temperature", "set", "driver", "22", "20", "已请求将主驾温度调到22度，但车辆还没有确认。",
        "I asked the car to set the driver's temperature to 22 degrees, but it hasn't confirmed it.")]
    [InlineData("climate.ac", "on", "", "", "unread", "已请求打开空调，但车辆还没有确认。", "I asked the car to turn on the A/C, but it hasn't confirmed it.")]
    [InlineData("screen.bluetooth", "on", "", "", "", "已打开蓝牙。", "Turned on Bluetooth.")]
    [InlineData("screen.open_app", "open", "", "navigation", "", "已打开导航。", "Opened the navigation screen.")]
    [InlineData("screen.navigate", "", "", "", "", "开始导航到机场。", "Starting guidance to the airport.")]
    public void Compose_Sample_SaysWhatAPersonWould(string function, string operation, string zones, string value, string reported, string zh, string en)
    {
        foreach (var (language, expected) in new[] { ("zh", zh), ("en", en) })
        {
            var action = Resolve(language, function, operation, zones, value);

            var reply = _replies.Compose(language, TurnOutcome.Done, [Outcome(action, language, Reported(action, reported))]);

            Assert.Equal(expected, reply);
        }
    }

    [Theory]
    [InlineData("zh", "已打开天窗，已打开空调。")]
    [InlineData("en", "Opened the sunroof. Turned on the A/C.")]
    public void Compose_TwoActions_SaysBothInOrder(string language, string expected)
    {
        var actions = new[] { Resolve(language, "sunroof", "open", ""), Resolve(language, "climate.ac", "on", "") };

        var reply = _replies.Compose(language, TurnOutcome.Done, [.. actions.Select(action => Outcome(action, language, Confirmed(action)))]);

        Assert.Equal(expected, reply);
    }

    [Theory]
    [InlineData("zh", false, "抱歉，我没听懂，请再说一遍。")]
    [InlineData("zh", true, "好的，不调了。")]
    [InlineData("en", false, "Sorry, I didn't catch that.")]
    [InlineData("en", true, "OK, leaving it.")]
    public void NotUnderstood_CancellationOrNot_AcknowledgesACancellation(string language, bool cancellation, string expected) =>
        Assert.Equal(expected, ReplyComposer.NotUnderstood(language, cancellation));

    [Theory]
    [InlineData("zh", "车辆行驶中，不能打开后备箱")]
    [InlineData("en", "I can't open the trunk while the car is moving")]
    public void InterlockReason_Trunk_SaysWhy(string language, string expected) =>
        Assert.Equal(expected, _replies.InterlockReason(Resolve(language, "trunk", "open", ""), language));

    private ResolvedAction Resolve(string language, string function, string operation, string zones, string value = "") =>
        _resolver.Resolve([Call(language, function, operation, zones, value)], Seat.Driver, Current, null).Actions.Single();

    /// <summary>A call as the model would give it: a value said for "set" (the middle of a number's range, level 2, the
    /// last enum value) unless <paramref name="value"/> names one; free text for a screen task's slot.</summary>
    internal static ActionCall Call(string language, string function, string operation, string zones, string value = "")
    {
        var spec = Catalog.FindFunction(function)!;
        var op = operation is "" ? null : operation.Split(':')[0];
        ActionValue? said = (operation, spec.Value.Type, value) switch
        {
            ("set:level", _, _) => ActionValue.FromLevel(value is "" ? 3 : double.Parse(value, CultureInfo.InvariantCulture)),
            (_, _, not "") when char.IsAsciiDigit(value[0]) && spec.Value.Type == CatalogValueType.Level => ActionValue.FromLevel(double.Parse(value, CultureInfo.InvariantCulture)),
            (_, _, not "") when char.IsAsciiDigit(value[0]) => ActionValue.FromNumber(double.Parse(value, CultureInfo.InvariantCulture)),
            (_, _, not "") => ActionValue.FromEnum(value),
            ("set", CatalogValueType.Number, _) => ActionValue.FromNumber(Math.Round((spec.Value.Min + spec.Value.Max) / 2 / spec.Value.Step) * spec.Value.Step),
            ("set", CatalogValueType.Level, _) => ActionValue.FromLevel(2),
            ("set" or "open" or "on", CatalogValueType.Enum, _) when spec.Value.Values.Count > 0 => ActionValue.FromEnum(spec.Value.Values[^1].Value),
            _ => null,
        };
        var text = spec.Value.Slot is { } slot
            ? new Dictionary<string, TextSpan> { [slot] = Said(language, slot) }
            : new Dictionary<string, TextSpan>();
        return new ActionCall
        {
            Function = function,
            Operation = op,
            Zones = zones.Split('+', StringSplitOptions.RemoveEmptyEntries),
            Value = said,
            Text = text,
        };
    }

    /// <summary>A free text as an occupant would say it for each slot of a screen task.</summary>
    private static TextSpan Said(string language, string slot)
    {
        var text = (language, slot) switch
        {
            ("zh", "query") => "七里香",
            ("zh", "place") => "机场",
            ("zh", "contact") => "妈妈",
            ("zh", _) => "确定",
            (_, "query") => "Yellow",
            (_, "place") => "the airport",
            (_, "contact") => "Mom",
            _ => "OK",
        };
        return new TextSpan(0, text.Length, text);
    }

    /// <summary>The car before the turn: set points at 22 °C, fans at 40, windows and shades closed, everything else off.</summary>
    private static object? Current(string path) => path switch
    {
        _ when path.EndsWith(".Temperature", StringComparison.Ordinal) => 22f,
        _ when path.EndsWith(".FanSpeed", StringComparison.Ordinal) => 40,
        _ when path.EndsWith("Volume", StringComparison.Ordinal) || path.EndsWith("Brightness", StringComparison.Ordinal) => 30,
        _ when path.EndsWith("Intensity", StringComparison.Ordinal) => 50,
        _ when path.EndsWith("Position", StringComparison.Ordinal) || path.EndsWith("HeatingCooling", StringComparison.Ordinal) => 0,
        _ => null,
    };

    private static (ResolvedAction, ActionOutcome) Outcome(ResolvedAction action, string language, IReadOnlyDictionary<string, object?>? reported) =>
        (action, action.Refusal is { } refusal
            ? new ActionOutcome(action.Function?.Id, action.Call.ToString(), [], ActionStatus.Refused, refusal.Message.For(language))
            : new ActionOutcome(action.Function?.Id, action.Call.ToString(), action.Targets, ActionStatus.Accepted, null) { Reported = reported });

    private Dictionary<string, object?>? Reported(ResolvedAction action, string reported) => reported switch
    {
        "" => Confirmed(action),
        "unread" => null,
        _ => Reports(action, reported is "true" or "false" ? bool.Parse(reported) : double.Parse(reported, CultureInfo.InvariantCulture)),
    };

    /// <summary>The car reports every target as asked; a sunroof is where its command takes it (VSS: 100 open, 0 closed, −100 tilted).</summary>
    private Dictionary<string, object?> Confirmed(ResolvedAction action)
    {
        var reported = action.Targets.ToDictionary(target => target.Path, target => (object?)target.Value);
        foreach (var state in _replies.ConfirmingPaths(action, action.Targets).Where(path => !reported.ContainsKey(path)))
        {
            reported[state] = action.Targets[0].Value switch
            {
                "OPEN" => 100,
                "TILT_UP" => -100,
                _ => 0,
            };
        }

        return reported;
    }

    /// <summary>The car reports the values it had before the turn.</summary>
    private Dictionary<string, object?> Before(ResolvedAction action) =>
        _replies.ConfirmingPaths(action, action.Targets).Distinct().ToDictionary(path => path, Current);

    /// <summary>The car reports <paramref name="value"/> for every target (a command is taken; the state it drives reports the value).</summary>
    private Dictionary<string, object?> Reports(ResolvedAction action, object value)
    {
        var reported = _replies.ConfirmingPaths(action, action.Targets).Distinct().ToDictionary(path => path, _ => (object?)value);
        foreach (var target in action.Targets.Where(target => target.Value is string))
        {
            reported[target.Path] = target.Value;
        }

        return reported;
    }

    private static void AssertReadsWell(string language, string reply, string call)
    {
        var because = $"{language} {call}: \"{reply}\"";
        Assert.False(string.IsNullOrWhiteSpace(reply), because);
        Assert.DoesNotContain("{", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("}", reply, StringComparison.Ordinal);
        Assert.True(reply == reply.Trim() && !reply.Contains("  ", StringComparison.Ordinal), because);
        if (language == "zh")
        {
            var latin = BrandNames.Aggregate(reply, (text, brand) => text.Replace(brand, "", StringComparison.Ordinal));
            Assert.False(LatinLetter().IsMatch(latin), because);
            Assert.False(DoubledChinese().IsMatch(reply), because);
            Assert.True(reply.EndsWith('。') || reply.EndsWith('？'), because);
        }
        else
        {
            var words = reply.ToLowerInvariant().Split(' ').Select(word => word.Trim('.', ',', '?')).ToList();
            Assert.False(words.Zip(words.Skip(1)).Any(pair => pair.First == pair.Second), because);
            Assert.DoesNotContain("the all", reply, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("the my", reply, StringComparison.OrdinalIgnoreCase);
            Assert.False(ChineseCharacter().IsMatch(reply), because);
            Assert.True(char.IsUpper(reply[0]) && (reply.EndsWith('.') || reply.EndsWith('?')), because);
        }
    }

    [GeneratedRegex("[A-Za-z]")]
    private static partial Regex LatinLetter();

    [GeneratedRegex(@"(\p{IsCJKUnifiedIdeographs}{2,})\1")]
    private static partial Regex DoubledChinese();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex ChineseCharacter();
}
