namespace Cockpit.Speech.Training;

/// <summary>The units a transcript is scored in: characters for CER, words for WER (counted by <see cref="Cockpit.Understanding.Text.EditDistance"/>).</summary>
internal static class ErrorRate
{
    /// <summary>The scoring units of a transcript: characters without spaces for Mandarin, words for English.</summary>
    public static string[] Units(string transcript, string lang) => lang == "zh"
        ? [.. transcript.Where(c => c != ' ').Select(c => c.ToString())]
        : transcript.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
