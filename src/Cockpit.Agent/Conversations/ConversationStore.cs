using System.Collections.Concurrent;
using Cockpit.Understanding.Resolution;
using Microsoft.Extensions.Options;

namespace Cockpit.Agent.Conversations;

/// <summary>
/// Dialogue state per conversation: what the last turn acted on, so that a follow-up ("再高一点",
/// "close it too") can refer to it. State older than <see cref="AgentOptions.FollowUpWindow"/> is forgotten.
/// </summary>
internal sealed class ConversationStore(IOptions<AgentOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Entry> _conversations = new(StringComparer.Ordinal);

    /// <summary>The context of the conversation's last turn, if it is recent enough.</summary>
    public DialogueContext? GetContext(string conversationId)
    {
        if (!_conversations.TryGetValue(conversationId, out var entry))
        {
            return null;
        }

        if (time.GetUtcNow() - entry.LastTurn > options.Value.FollowUpWindow)
        {
            _conversations.TryRemove(conversationId, out _);
            return null;
        }

        return entry.Context;
    }

    /// <summary>Remembers the context a turn leaves behind (null keeps the previous one).</summary>
    public void Update(string conversationId, DialogueContext? context)
    {
        var now = time.GetUtcNow();
        _conversations.AddOrUpdate(conversationId,
            _ => new Entry(context, now),
            (_, previous) => new Entry(context ?? previous.Context, now));
        Prune(now);
    }

    private void Prune(DateTimeOffset now)
    {
        if (_conversations.Count < 1024)
        {
            return;
        }

        foreach (var (id, entry) in _conversations)
        {
            if (now - entry.LastTurn > options.Value.FollowUpWindow)
            {
                _conversations.TryRemove(id, out _);
            }
        }
    }

    private sealed record Entry(DialogueContext? Context, DateTimeOffset LastTurn);
}
