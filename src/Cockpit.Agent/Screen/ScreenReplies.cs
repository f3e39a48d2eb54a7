namespace Cockpit.Agent.Screen;

/// <summary>Why a screen task could not be done, in the occupant's language.</summary>
internal static class ScreenReplies
{
    /// <summary>Whether a language tag is Mandarin (<c>zh</c>, <c>zh-CN</c>); anything else is answered in English.</summary>
    public static bool IsMandarin(string? language) => language?.StartsWith("zh", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>No content row matches what was asked for.</summary>
    public static string NotFound(string key, string what, string language) => (key, IsMandarin(language)) switch
    {
        ("phone.contact", true) => $"通讯录里没有找到{what}",
        ("phone.contact", false) => $"I couldn't find a contact named {what}",
        ("navigation.destination", true) => $"地图上没有找到{what}",
        ("navigation.destination", false) => $"I couldn't find a place called {what}",
        (_, true) => $"曲库里没有找到{what}",
        (_, false) => $"I couldn't find {what} in the music library",
    };

    /// <summary>Nothing on the screen matches the tap target.</summary>
    public static string NotOnScreen(string what, string language) =>
        IsMandarin(language) ? $"屏幕上没有找到“{what}”" : $"I can't see \"{what}\" on the screen";

    /// <summary>The app asked for does not exist.</summary>
    public static string NoSuchApp(string what, string language) =>
        IsMandarin(language) ? $"没有“{what}”这个应用" : $"There is no app called \"{what}\"";

    /// <summary>The step budget ran out.</summary>
    public static string OutOfSteps(int steps, string language) =>
        IsMandarin(language) ? $"{steps}步之内没能完成" : $"I couldn't get this done within {steps} steps";

    /// <summary>The time budget ran out.</summary>
    public static string OutOfTime(string language) =>
        IsMandarin(language) ? "屏幕响应超时，没能完成" : "The screen took too long, so I couldn't finish";

    /// <summary>The HMI cannot be reached.</summary>
    public static string Unreachable(string language) =>
        IsMandarin(language) ? "现在无法操作屏幕" : "I can't reach the screen right now";

    /// <summary>The screen offers no way to the goal.</summary>
    public static string NoWay(string what, string language) =>
        IsMandarin(language) ? $"屏幕上没有办法完成：{what}" : $"The screen offers no way to {what}";

    /// <summary>The control that would finish the task is disabled, e.g. a call is already running.</summary>
    public static string Disabled(string what, string language) =>
        IsMandarin(language) ? $"“{what}”现在不可用" : $"\"{what}\" isn't available right now";

    /// <summary>Nothing to act on was said.</summary>
    public static string NothingSaid(string language) =>
        IsMandarin(language) ? "没听清要找什么" : "I didn't catch what to look for";
}
