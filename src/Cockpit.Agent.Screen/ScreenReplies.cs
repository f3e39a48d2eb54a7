using Cockpit.Understanding.Phrases;
using Grpc.Core;

namespace Cockpit.Agent.Screen;

/// <summary>
/// Why a screen task could not be done, in the occupant's language. The words are the <c>screen.*</c> phrases of
/// <c>Phrases/replies.json</c>; this class only picks them and fills their holes.
/// </summary>
internal static class ScreenReplies
{
    /// <summary>Whether a language tag is Mandarin (<c>zh</c>, <c>zh-CN</c>); anything else is answered in English.</summary>
    public static bool IsMandarin(string? language) => PhraseBook.LanguageOf(language) == "zh";

    /// <summary>No content row matches what was asked for; <paramref name="key"/> is the HMI state key of the list's content.</summary>
    public static string NotFound(string key, string what, string language) =>
        Phrase(language, $"screen.notFound.{key}", ("what", what));

    /// <summary>Nothing on the screen matches the tap target.</summary>
    public static string NotOnScreen(string what, string language) => Phrase(language, "screen.notOnScreen", ("what", what));

    /// <summary>The app asked for does not exist.</summary>
    public static string NoSuchApp(string what, string language) => Phrase(language, "screen.noSuchApp", ("what", what));

    /// <summary>The step budget ran out.</summary>
    public static string OutOfSteps(int steps, string language) =>
        Phrase(language, "screen.outOfSteps", ("steps", steps.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>The time budget ran out.</summary>
    public static string OutOfTime(string language) => Phrase(language, "screen.outOfTime");

    /// <summary>The HMI could not be asked: away, or it refused the agent's credentials or scope.</summary>
    public static string Unreachable(StatusCode status, string language) => Phrase(language, status switch
    {
        StatusCode.Unauthenticated => "failed.unauthenticated",
        StatusCode.PermissionDenied => "failed.permissionDenied",
        _ => "screen.unreachable",
    });

    /// <summary>The screen offers no way to the goal.</summary>
    public static string NoWay(string what, string language) => Phrase(language, "screen.noWay", ("what", what));

    /// <summary>The control that would finish the task is disabled, e.g. a call is already running.</summary>
    public static string Disabled(string what, string language) => Phrase(language, "screen.disabled", ("what", what));

    /// <summary>Nothing to act on was said.</summary>
    public static string NothingSaid(string language) => Phrase(language, "screen.nothingSaid");

    /// <summary>
    /// Something besides the goal changed while the task ran (<paramref name="what"/>: the names of what changed, joined);
    /// <paramref name="restored"/> when the HMI's part of it was put back.
    /// </summary>
    public static string ChangedElsewhere(string what, bool restored, string language) =>
        Phrase(language, restored ? "screen.changedElsewhere.restored" : "screen.changedElsewhere", ("what", what));

    /// <summary>The name of an HMI state key (<c>settings.wifi</c> → "无线网络" / "Wi-Fi"), or the key itself when the phrase file has none.</summary>
    public static string SettingName(string key, string language) => PhraseBook.Replies.Find(language, $"screen.setting.{key}") ?? key;

    /// <summary>Joins names as a list in the occupant's language ("蓝牙和后雨刮", "Wi-Fi and rear wiper").</summary>
    public static string List(IReadOnlyList<string> names, string language) => names.Count switch
    {
        0 => "",
        1 => names[0],
        _ => string.Join(PhraseBook.Replies.Get(language, "list.join"), names.Take(names.Count - 1)) + PhraseBook.Replies.Get(language, "list.last") + names[^1],
    };

    private static string Phrase(string language, string key, params (string Name, string Value)[] holes) =>
        PhraseBook.Fill(PhraseBook.Replies.Get(language, key), holes);
}
