namespace Cockpit.Training.Data;

/// <summary>All phrasing frames, per language. Held-out templates are chosen from these by id (see <see cref="DataGenerator"/>).</summary>
internal static class TemplateBank
{
    public static readonly string[] SwitchOps = ["on", "off", "open", "close", "lock", "unlock", "fold", "unfold", "mute", "unmute"];

    public static IReadOnlyList<Template> All { get; } = Build();

    private static List<Template> Build()
    {
        var t = new List<Template>();
        void Add(string lang, string frame, string[]? ops, params string[] patterns)
        {
            foreach (var p in patterns)
            {
                t.Add(new Template($"{lang}.{frame}.{t.Count(x => x.Lang == lang && x.Frame == frame)}", lang, frame, p, ops));
            }
        }

        // Switches: on/off, open/close, lock/unlock, fold/unfold.
        Add("zh", "switch", null,
            "{op}{zone}{fn}", "把{zone}{fn}{op}", "{zone}{fn}{op}", "帮我{op}一下{zone}{fn}", "{zone}{fn}给我{op}", "请{op}{zone}{fn}",
            "能不能{op}{zone}{fn}", "我要{op}{zone}{fn}", "{op}一下{zone}的{fn}", "把{zone}的{fn}{op}吧", "{zone}{fn}{op}一下",
            "麻烦把{zone}{fn}{op}", "把{zone}{fn}都{op}", "{zone}{fn}帮我{op}了", "你帮我把{fn}{op}", "可以{op}{zone}{fn}吗",
            "{zone}{fn}{op}吧", "{op}{zone}的{fn}", "给我{op}{zone}{fn}", "{zone}{fn}能{op}吗", "请帮我{op}{zone}{fn}", "现在{op}{zone}{fn}",
            "{zone}的{fn}{op}", "把{fn}{op}了", "{zone}{fn}都{op}吧", "{zone}的{fn}都给我{op}", "{fn}全都{op}");
        Add("en", "switch", null,
            "{op} the {zone} {fn}", "{op} {zone} {fn}", "please {op} the {fn} {zpost}", "{zone} {fn} {ops}", "can you {op} the {zone} {fn}",
            "i want the {zone} {fn} {ops}", "could you {op} the {fn} please", "go ahead and {op} the {zone} {fn}", "{fn} {ops} please",
            "i'd like to {op} the {zone} {fn}", "{op} the {fn} {zpost}", "let's {op} the {zone} {fn}", "would you {op} {zone} {fn}",
            "get the {zone} {fn} {ops}", "{op} the {fn} [for me|ZONE:mine]",
            "{op} {fn}", "please {op} {fn}", "i need the {zone} {fn} {ops}", "{op} the {fn} now", "make sure the {zone} {fn} is {ops}",
            "hey {op} the {zone} {fn}", "can we {op} the {fn} {zpost}", "you can {op} the {zone} {fn}");
        Add("en", "switch", ["on", "off"], "turn the {zone} {fn} {ops}", "switch the {fn} {ops} {zpost}", "turn {zone} {fn} {ops}");

        // Two functions sharing one verb, joined at {and}: the part before it is the first call, the part after the second.
        Add("zh", "shared", null,
            "{op}{zone}{fn}{and}{zone}{fn}", "把{zone}{fn}{and}{zone}{fn}都{op}", "把{zone}{fn}{and}{zone}{fn}{op}", "{zone}{fn}{and}{zone}{fn}都{op}吧",
            "帮我{op}{zone}{fn}{and}{zone}{fn}", "{zone}{fn}{and}{zone}{fn}都给我{op}", "请{op}一下{zone}{fn}{and}{zone}{fn}", "{zone}{fn}{and}{zone}{fn}全都{op}");
        Add("en", "shared", null,
            "{op} the {zone} {fn} {and} the {zone} {fn}", "{op} {zone} {fn} {and} {zone} {fn}", "please {op} the {fn} {and} the {fn} {zpost}",
            "can you {op} both the {fn} {and} the {fn}", "{op} the {fn} {and} {fn} please", "i want the {fn} {and} the {fn} {ops}",
            "the {zone} {fn} {and} the {zone} {fn} {ops} please");
        Add("en", "shared", ["on", "off"], "turn the {fn} {and} the {fn} {ops}", "switch the {zone} {fn} {and} the {fn} {ops}");

        // Absolute values.
        Add("zh", "set", null,
            "把{zone}{fn}{op}{val}{unit}", "{zone}{fn}{op}{val}{unit}", "{zone}{fn}{val}{unit}", "帮我把{zone}{fn}{op}{val}{unit}",
            "{zone}的{fn}{op}{val}{unit}", "请把{zone}{fn}{op}{val}{unit}", "我想把{zone}{fn}{op}{val}{unit}", "{zone}{fn}给我{op}{val}{unit}",
            "{fn}{op}{val}{unit}吧", "{zone}{fn}要{val}{unit}", "把{fn}{op}{val}{unit}，{zone}", "{zone}{fn}改成{val}{unit}",
            "{zone}{fn}设置{val}{unit}", "把{zone}{fn}定在{val}{unit}", "{val}{unit}，{zone}{fn}", "{zone}{fn}{op}{val}{unit}就行",
            "{zone}{fn}开{val}{unit}", "帮我{op}{zone}{fn}{val}{unit}");
        Add("en", "set", null,
            "{op} the {zone} {fn} to {val} {unit}", "{op} {zone} {fn} to {val}", "{zone} {fn} {val} {unit}", "{fn} to {val} {unit} {zpost}",
            "i want the {zone} {fn} at {val} {unit}", "can you {op} the {fn} {zpost} to {val} {unit}", "{op} the {fn} at {val} {unit}",
            "{zone} {fn} to {val}", "please {op} {zone} {fn} to {val} {unit}", "could you {op} the {zone} {fn} to {val}",
            "{fn} {val} {unit} {zpost}", "make the {zone} {fn} {val} {unit}",
            "{val} {unit} on the {zone} {fn}", "{op} {fn} {zpost} {val}", "{op} {fn} {val} {unit}", "the {zone} {fn} should be {val} {unit}",
            "bring the {zone} {fn} to {val} {unit}", "i'd like the {fn} at {val} {unit} {zpost}", "the {zone} {fn} needs to be {val} {unit}",
            "i'd like the {zone} {fn} to be {val} {unit}");

        // Levels.
        Add("zh", "level", null,
            "把{zone}{fn}{op}{lvl}档", "{zone}{fn}{lvl}档", "{zone}{fn}开{lvl}档", "{zone}{fn}{op}{lvl}级", "{op}{zone}{fn}{lvl}档",
            "帮我把{zone}{fn}{op}{lvl}档", "{zone}的{fn}用{lvl}档", "{zone}{fn}换到{lvl}档", "{zone}{fn}调{lvl}档", "{fn}给我开{lvl}档", "{zone}{fn}要{lvl}档", "{zone}{fn}切到{lvl}档吧",
            "{zone}{fn}开{lvlword}", "把{zone}{fn}调到{lvlword}", "{zone}{fn}{lvlword}就行", "{zone}{fn}换成{lvlword}吧");
        Add("en", "level", null,
            "{op} the {zone} {fn} to level {lvl}", "{zone} {fn} level {lvl}", "turn {zone} {fn} to level {lvl}", "{fn} on level {lvl} {zpost}",
            "{op} {zone} {fn} to {lvl}", "put the {zone} {fn} on level {lvl}", "level {lvl} {fn} {zpost}", "i want {zone} {fn} at level {lvl}",
            "turn the {fn} to {lvl} {zpost}", "[use|OP:set] level {lvl} for the {zone} {fn}", "{zone} {fn} on {lvl}", "switch the {zone} {fn} to level {lvl}",
            "can you turn the {zone} {fn} to level {lvl}", "{fn} on {lvlword} {zpost}", "put the {zone} {fn} on {lvlword}", "turn the {zone} {fn} to {lvlword}",
            "set the {zone} {fn} to {lvlword} please");

        // Relative changes.
        Add("zh", "rel", null,
            "{zone}{fn}{op}一点", "把{zone}{fn}{op}一些", "{zone}{fn}再{op}一点", "{zone}{fn}稍微{op}一点", "帮我把{fn}{op}一点",
            "{zone}{fn}{op}点", "把{zone}的{fn}{op}一下",
            "{zone}{fn}能不能{op}一点", "{op}一点{zone}{fn}", "{zone}{fn}再{op}一些", "帮我{op}一下{zone}{fn}", "{zone}{fn}给我{op}一点", "把{zone}{fn}都{op}一点");
        Add("zh", "reldelta", null,
            "{zone}{fn}{op}{delta}{unit}", "把{zone}{fn}{op}{delta}{unit}", "{fn}再{op}{delta}{unit}", "帮我把{zone}{fn}{op}{delta}{unit}",
            "{zone}的{fn}{op}{delta}{unit}吧");
        Add("en", "rel", null,
            "{op} the {zone} {fn}", "{op} the {fn} a bit", "{zone} {fn} {ops} a little", "{op} the {zone} {fn} a little bit",
            "{fn} {ops} {zpost}", "can you {op} the {fn} {zpost}", "{op} {zone} {fn} slightly", "{fn} a bit {ops} please",
            "{fn} {ops} a notch",
            "{fn} {ops}", "{op} {zone} {fn} a touch", "could you {op} the {zone} {fn} a little", "{zone} {fn} a bit {ops}", "{op} the {fn} some");
        Add("en", "reldelta", null,
            "{op} the {zone} {fn} by {delta} {unit}", "{fn} {ops} {delta} {unit}", "{op} {zone} {fn} {delta} {unit}",
            "{op} the {fn} {zpost} by {delta} {unit}", "{zone} {fn} {ops} by {delta}");

        // Extremes.
        Add("zh", "extreme", null,
            "{zone}{fn}{op}", "把{zone}{fn}[调到|OP:set]{op}", "{zone}{fn}[开到|OP:set]{op}", "{zone}{fn}[开到|OP:set]{op}吧", "{fn}{op}，{zone}",
            "帮我把{zone}{fn}[开到|OP:set]{op}", "把{zone}{fn}都[调到|OP:set]{op}");
        Add("en", "extreme", null,
            "{zone} {fn} {ops}", "[set|OP:set] the {zone} {fn} to {op}", "{op} {zone} {fn}", "turn the {zone} {fn} {ops}",
            "{fn} to {op} {zpost}", "put the {fn} on {op}");

        // Partial openings.
        Add("zh", "partial", null,
            "{zone}{fn}{op}", "把{zone}{fn}{op}", "帮我把{zone}{fn}{op}", "{zone}的{fn}{op}吧", "{zone}{fn}给我{op}", "把{zone}{fn}都{op}");
        Add("en", "partial", null,
            "[open|OP:open] the {zone} {fn} {op}", "{zone} {fn} {op}", "[open|OP:open] {zone} {fn} {op}", "can you [open|OP:open] the {fn} {op} {zpost}",
            "[open|OP:open] the {zone} {fn} just {op}", "[open|OP:open] up the {zone} {fn} {op}");
        Add("en", "partial", ["tilt"], "{op} the {fn}", "{op} the {fn} please", "can you {op} the {fn}");

        // Implied functions ("warmer", "louder").
        Add("zh", "implied", null,
            "{op}一点", "再{op}一点", "{zone}{op}一点", "有点冷，{op}一点", "{op}一些", "稍微{op}点", "可以再{op}点吗");
        Add("en", "implied", null,
            "a bit {op}", "make it {op}", "{op} please", "make it a little {op} {zpost}", "{op}", "a little {op} please", "could you make it {op}");

        // Enumerations.
        Add("zh", "enum", null,
            "{zone}{fn}{op}{enum}", "把{zone}{fn}{op}{enum}", "{fn}{enum}", "[切换到|OP:set]{enum}", "{zone}{fn}用{enum}", "帮我把{zone}{fn}{op}{enum}",
            "{enum}{fn}", "我想要{enum}的{fn}", "{fn}[调成|OP:set]{enum}吧", "{fn}用{enum}吧", "[换成|OP:set]{enum}", "{zone}{fn}要{enum}的", "{fn}[改成|OP:set]{enum}");
        Add("en", "enum", null,
            "{op} the {zone} {fn} to {enum}", "{fn} {enum}", "[switch to|OP:set] {enum}", "{enum} {fn} please", "[use|OP:set] {enum}",
            "[make|OP:set] the {zone} {fn} {enum}", "{fn} on {enum}", "i'd like {enum} {fn}", "[change|OP:set] the {fn} to {enum} {zpost}",
            "let's [use|OP:set] {enum} {fn}", "[use|OP:set] {enum} for the {fn}", "[go with|OP:set] {enum}", "turn the {fn} to {enum}",
            "i want {enum} {fn}", "[put|OP:set] the {fn} on {enum}");

        // Screen apps and free text.
        Add("zh", "app", null, "{op}{enum}", "{op}一下{enum}", "帮我{op}{enum}", "[进入|OP:open]{enum}", "[切换到|OP:open]{enum}", "我要看{enum}", "{op}{enum}[界面|FN:screen.open_app]",
            "[回到|OP:open]{enum}", "给我{op}{enum}", "能不能{op}{enum}", "[显示|OP:open]{enum}", "[跳到|OP:open]{enum}[页面|FN:screen.open_app]", "麻烦{op}一下{enum}",
            "[返回|OP:open]{enum}", "[返回到|OP:open]{enum}", "[退回到|OP:open]{enum}[页面|FN:screen.open_app]");
        Add("en", "app", null, "{op} {enum}", "{op} the {enum}", "[go to|OP:open] the {enum}", "[show|OP:open] me the {enum}", "{op} the {enum} [app|FN:screen.open_app]", "[switch to|OP:open] {enum}",
            "[bring up|OP:open] the {enum}", "can you {op} the {enum}", "[pull up|OP:open] {enum}", "[go to|OP:open] the {enum} [screen|FN:screen.open_app]",
            "i want to see the {enum}", "[show|OP:open] the {enum} [page|FN:screen.open_app]", "please {op} {enum}", "[take me back to|OP:open] the {enum}",
            "[go back to|OP:open] the {enum}", "[back to|OP:open] the {enum} [screen|FN:screen.open_app]");
        Add("zh", "text", null, "{fn}{txt}", "我想{fn}{txt}", "帮我{fn}{txt}", "请{fn}{txt}", "{fn}{txt}吧", "麻烦{fn}{txt}",
            "给我{fn}{txt}", "能不能{fn}{txt}", "{fn}一下{txt}", "帮我{fn}一下{txt}", "现在{fn}{txt}", "{fn}{txt}好吗", "那就{fn}{txt}", "我要{fn}{txt}");
        Add("zh", "call", null, "给{txt}[打电话|FN:screen.call]", "给{txt}[打个电话|FN:screen.call]", "{fn}{txt}", "帮我给{txt}[打电话|FN:screen.call]", "我要{fn}{txt}", "请{fn}{txt}",
            "给{txt}[拨个电话|FN:screen.call]", "[联系|FN:screen.call]{txt}", "[联系一下|FN:screen.call]{txt}", "帮我{fn}{txt}", "给{txt}[打过去|FN:screen.call]",
            "[拨打|FN:screen.call]{txt}的电话", "我想给{txt}[打电话|FN:screen.call]", "[打给|FN:screen.call]{txt}", "{txt}的电话[拨一下|FN:screen.call]", "[呼叫|FN:screen.call]一下{txt}");
        Add("en", "text", null, "{fn} {txt}", "please {fn} {txt}", "can you {fn} {txt}", "i want to {fn} {txt}", "{fn} {txt} please", "could you {fn} {txt}",
            "{fn} {txt} [for me|ZONE:mine]", "go ahead and {fn} {txt}", "i'd like to {fn} {txt}", "let's {fn} {txt}", "would you {fn} {txt}", "{fn} {txt} now",
            "just {fn} {txt}", "i need you to {fn} {txt}");
        Add("en", "call", null, "{fn} {txt}", "please {fn} {txt}", "give {txt} a [call|FN:screen.call]", "[call up|FN:screen.call] {txt}", "[make a call to|FN:screen.call] {txt}",
            "can you {fn} {txt}", "i want to {fn} {txt}", "[ring up|FN:screen.call] {txt}", "[dial up|FN:screen.call] {txt}",
            "{fn} {txt} [for me|ZONE:mine]", "i need to {fn} {txt}", "hey {fn} {txt}");
        Add("zh", "bare", null, "{op}", "{op}吧", "帮我{op}", "{op}一下", "{fn}", "{fn}吧");
        Add("en", "bare", null, "{op}", "{op} please", "{op} now", "{op} the {fn}", "{fn}", "please {fn}", "{fn} please", "just {fn}");

        // Questions about a state: read, never changed. The question words carry the call's operation (query); the
        // kind in place of the operations says which functions a phrasing fits: "switch" (on/off, open/close, lock),
        // "amount" (numbers and levels), none (any).
        Add("zh", "question", ["switch"],
            "{zone}{fn}[开着吗|OP:query]", "{zone}{fn}[关了没|OP:query]", "{zone}{fn}[开了吗|OP:query]", "{zone}的{fn}[是开着的吗|OP:query]",
            "{zone}{fn}[关好了吗|OP:query]", "{zone}{fn}[开着还是关着|OP:query]", "[看看|OP:query]{zone}{fn}[开没开|OP:query]", "{fn}[现在开着没|OP:query]",
            "我{zone}的{fn}[关上了吗|OP:query]", "{zone}{fn}[是不是还开着|OP:query]", "[帮我看下|OP:query]{zone}{fn}[关了没有|OP:query]", "{zone}{fn}[打开了没|OP:query]");
        Add("zh", "question", ["amount"],
            "{zone}{fn}[现在多少|OP:query]", "{zone}{fn}[调到多少了|OP:query]", "{zone}的{fn}[是几档|OP:query]", "{zone}{fn}[现在是多少|OP:query]",
            "[查一下|OP:query]{zone}{fn}", "{fn}[开到多大了|OP:query]", "{zone}{fn}[设的多少|OP:query]", "[现在|OP:query]{zone}{fn}[是几|OP:query]");
        Add("zh", "question", null,
            "{zone}{fn}[现在什么状态|OP:query]", "[帮我查一下|OP:query]{zone}{fn}", "{zone}{fn}[现在是什么情况|OP:query]", "[告诉我|OP:query]{zone}{fn}[的状态|OP:query]",
            "{zone}的{fn}[现在怎么样了|OP:query]", "{fn}[是什么设置|OP:query]");
        Add("en", "question", ["switch"],
            "[is|OP:query] the {zone} {fn} [on|OP:query]", "[is|OP:query] the {fn} {zpost} [still on|OP:query]", "[did i leave|OP:query] the {zone} {fn} [on|OP:query]",
            "[is|OP:query] the {zone} {fn} [open|OP:query]", "[are|OP:query] the {zone} {fn} [closed|OP:query]", "[is|OP:query] the {fn} [off|OP:query] {zpost}",
            "[can you check if|OP:query] the {zone} {fn} [is on|OP:query]", "[did|OP:query] the {zone} {fn} [get turned off|OP:query]", "[is|OP:query] the {zone} {fn} [locked|OP:query]",
            "[are|OP:query] the {zone} {fn} [on or off|OP:query]", "[was|OP:query] the {fn} [left open|OP:query] {zpost}");
        Add("en", "question", ["amount"],
            "[what's|OP:query] the {zone} {fn} [set to|OP:query]", "[what is|OP:query] the {fn} {zpost} [at|OP:query]", "[how high is|OP:query] the {zone} {fn}",
            "[what level is|OP:query] the {zone} {fn} [on|OP:query]", "[what's|OP:query] the {fn} [at right now|OP:query]", "[how much is|OP:query] the {zone} {fn}");
        Add("en", "question", null,
            "[check|OP:query] the {zone} {fn}", "[what's the status of|OP:query] the {zone} {fn}", "{zone} {fn} [status|OP:query]", "[tell me|OP:query] the {fn} {zpost}",
            "[how is|OP:query] the {zone} {fn} [set|OP:query]", "[what's going on with|OP:query] the {fn} {zpost}");

        // Follow-ups that name no function.
        Add("zh", "followup", null, "再{op}一点", "也{op}吧", "把它也{op}", "那就{op}吧", "还是{op}吧", "{op}一点点", "再{op}{delta}{unit}");
        Add("en", "followup", null, "a bit {ops}", "{op} it too", "actually {op} it", "{op} that too", "also {op} it", "{ops} a bit more", "{op} it please");
        return t;
    }
}
