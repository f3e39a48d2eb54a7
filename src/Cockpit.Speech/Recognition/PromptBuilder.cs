using System.Text;

namespace Cockpit.Speech.Recognition;

/// <summary>
/// Builds Whisper's initial prompt from the caller's vocabulary (the action catalog's words, the HMI's names):
/// Whisper continues text in the prompt's style and spelling, so the car's own words become likelier. Entries keep
/// the caller's order (most important first), duplicates and blanks are dropped, and the prompt stops at the limit.
/// </summary>
internal static class PromptBuilder
{
    /// <summary>The prompt, or null when there is nothing to say or biasing is off (<paramref name="maxChars"/> 0).</summary>
    public static string? Build(IEnumerable<string>? vocabulary, int maxChars)
    {
        if (vocabulary is null || maxChars <= 0)
        {
            return null;
        }

        var builder = new StringBuilder();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var raw in vocabulary)
        {
            var entry = raw?.Trim();
            if (string.IsNullOrEmpty(entry) || entry.Any(char.IsControl) || !seen.Add(entry))
            {
                continue;
            }

            var separator = builder.Length == 0 ? string.Empty : ", ";
            if (builder.Length + separator.Length + entry.Length > maxChars)
            {
                break;
            }

            builder.Append(separator).Append(entry);
        }

        return builder.Length == 0 ? null : builder.ToString();
    }
}
