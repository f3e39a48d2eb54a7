namespace Cockpit.Agent.Screen;

/// <summary>A name in both languages of the head unit.</summary>
/// <param name="Zh">Mandarin.</param>
/// <param name="En">English.</param>
internal sealed record LocalizedName(string Zh, string En)
{
    /// <summary>The name in <paramref name="language"/> (<c>zh…</c> or anything else for English).</summary>
    public string For(string language) => ScreenReplies.IsMandarin(language) ? Zh : En;
}
