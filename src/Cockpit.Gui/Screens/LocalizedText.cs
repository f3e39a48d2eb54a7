namespace Cockpit.Gui.Screens;

/// <summary>Text in the two languages of the head unit.</summary>
/// <param name="Zh">Mandarin, simplified characters.</param>
/// <param name="En">English.</param>
internal sealed record LocalizedText(string Zh, string En)
{
    public static LocalizedText Empty { get; } = new(string.Empty, string.Empty);

    public LocalizedText Map(Func<string, string> map) => new(map(Zh), map(En));
}
