namespace Cockpit.ServiceDefaults;

/// <summary>Text a caller sent, as error messages and logs may quote it: never more than a short, bounded excerpt.</summary>
public static class InputText
{
    /// <summary>The longest excerpt quoted.</summary>
    public const int MaxQuoted = 120;

    /// <summary><paramref name="text"/> itself when short; otherwise its start and how long it was.</summary>
    /// <param name="text">What the caller sent.</param>
    public static string Quote(string? text) =>
        text is null ? "" : text.Length <= MaxQuoted ? text : $"{text[..MaxQuoted]}… ({text.Length} characters)";
}
