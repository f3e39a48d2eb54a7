using System.Collections.Concurrent;
using Cockpit.Agent.Conversations;
using Cockpit.Understanding.Phrases;
using Microsoft.Extensions.Options;

namespace Cockpit.Agent.Interactions;

/// <summary>
/// Implicit accuracy labels from how the occupant reacts: within <see cref="AgentOptions.FeedbackWindow"/>
/// of a turn, saying it was wrong ("不对", "that's wrong"), repeating the request, or undoing it (setting one of
/// its targets back to the value it had before) marks that turn incorrect. A follow-up that adjusts the same
/// target further ("a bit warmer") is a new request, not a correction.
/// </summary>
internal sealed class FeedbackTracker(InteractionLog log, IOptions<AgentOptions> options, TimeProvider time)
{
    // "不对", "that's wrong": the words are data (Phrases/replies.json, corrections), heard in either language.
    private static readonly IReadOnlyList<string> s_corrections = PhraseBook.Replies.ListInAll("corrections");

    private readonly ConcurrentDictionary<string, LastTurn> _last = new(StringComparer.Ordinal);

    /// <summary>Whether the utterance only says that the previous turn was wrong.</summary>
    public static bool IsCorrection(string text)
    {
        var normalized = Normalize(text);
        return s_corrections.Any(phrase => normalized == phrase || normalized.StartsWith(phrase + " ", StringComparison.Ordinal) && normalized.Length <= phrase.Length + 12);
    }

    /// <summary>Looks at a completed turn, labels the previous one of the same conversation when the reaction says it was wrong.</summary>
    public void Observe(TurnRequest request, TurnResult result)
    {
        var now = time.GetUtcNow();
        var targets = result.Actions.Where(action => action.Status == ActionStatus.Accepted).SelectMany(action => action.Targets).ToList();
        if (_last.TryGetValue(result.ConversationId, out var previous) && now - previous.Time <= options.Value.FeedbackWindow)
        {
            var undone = targets.Any(target => previous.ValuesBefore.TryGetValue(target.Path, out var before) && SameValue(before, target.Value));
            var wrong = IsCorrection(request.Text) || Normalize(request.Text) == previous.Text || undone;
            if (wrong)
            {
                log.Label(previous.InteractionId, correct: false, "feedback");
            }
        }

        _last[result.ConversationId] = new LastTurn(result.InteractionId, now, Normalize(request.Text), result.PreviousValues);
    }

    private static bool SameValue(object? left, object? right) =>
        left is not null && right is not null && !(left is string or bool) && !(right is string or bool)
            ? Convert.ToDouble(left, System.Globalization.CultureInfo.InvariantCulture) == Convert.ToDouble(right, System.Globalization.CultureInfo.InvariantCulture)
            : Equals(left, right);

    private static string Normalize(string text) => text.Trim().TrimEnd('。', '.', '!', '！').ToLowerInvariant();

    private sealed record LastTurn(long InteractionId, DateTimeOffset Time, string Text, IReadOnlyDictionary<string, object?> ValuesBefore);
}
