namespace Cockpit.Training.Data;

/// <summary>
/// Written utterances that ask for nothing, one per line in <c>small-talk-zh.txt</c> and <c>small-talk-en.txt</c>:
/// remarks that name car and media words ("这座椅坐着还挺舒服的", "the seats at the stadium were terrible"), idioms built on
/// command words ("领导给这个项目开绿灯了", "they called off the game"), numbers in passing and everyday chat. They teach
/// that such words only ask for something when a request is made of them.
/// </summary>
internal static class SmallTalk
{
    public static IReadOnlyList<string> Zh { get; } = Load("zh");

    public static IReadOnlyList<string> En { get; } = Load("en");

    public static IReadOnlyList<string> For(string lang) => lang == "zh" ? Zh : En;

    private static string[] Load(string lang)
    {
        var name = $"Cockpit.Training.Data.small-talk-{lang}.txt";
        using var stream = typeof(SmallTalk).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
