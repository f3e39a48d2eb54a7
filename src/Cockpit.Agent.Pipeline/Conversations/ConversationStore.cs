using System.Collections.Concurrent;
using Cockpit.Understanding;
using Cockpit.Understanding.Resolution;
using Microsoft.Extensions.Options;

namespace Cockpit.Agent.Conversations;

/// <summary>
/// Dialogue state per conversation: what the last turn acted on, so that a follow-up ("再高一点",
/// "close it too") can refer to it, and a request the agent asked the occupant to confirm. State older than
/// <see cref="AgentOptions.FollowUpWindow"/> is forgotten.
/// </summary>
internal sealed class ConversationStore(IOptions<AgentOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Entry> _conversations = new(StringComparer.Ordinal);

    /// <summary>The context of the conversation's last turn, if it is recent enough.</summary>
    public DialogueContext? GetContext(string conversationId) => Recent(conversationId)?.Context;

    /// <summary>Remembers the context a turn leaves behind (null keeps the previous one).</summary>
    public void Update(string conversationId, DialogueContext? context)
    {
        var now = time.GetUtcNow();
        _conversations.AddOrUpdate(conversationId,
            _ => new Entry(context, null, now),
            (_, previous) => new Entry(context ?? previous.Context, null, now));
        Prune(now);
    }

    /// <summary>Remembers a request the turn asked the occupant to confirm ("do you want me to …?").</summary>
    public void Propose(string conversationId, UnderstandingResult proposal)
    {
        var now = time.GetUtcNow();
        _conversations.AddOrUpdate(conversationId,
            _ => new Entry(null, proposal, now),
            (_, previous) => previous with { Proposal = proposal, LastTurn = now });
        Prune(now);
    }

    /// <summary>The request the conversation's last turn asked to confirm, if recent; the next turn answers it or
    /// moves on, so it is taken away either way.</summary>
    public UnderstandingResult? TakeProposal(string conversationId)
    {
        var entry = Recent(conversationId);
        if (entry?.Proposal is not { } proposal)
        {
            return null;
        }

        _conversations.TryUpdate(conversationId, entry with { Proposal = null }, entry);
        return proposal;
    }

    private Entry? Recent(string conversationId)
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

        return entry;
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

    private sealed record Entry(DialogueContext? Context, UnderstandingResult? Proposal, DateTimeOffset LastTurn);
}
