using System.Threading.Channels;
using Cockpit.Agent.Conversations;

namespace Cockpit.Agent.Interactions;

/// <summary>Fans completed turns out to live watchers (the HMI, monitoring). A slow watcher loses old turns, never stalls the agent.</summary>
internal sealed class InteractionFeed
{
    private readonly Lock _gate = new();
    private Channel<(TurnRequest, TurnResult)>[] _watchers = [];

    /// <summary>Hands a completed turn to every watcher.</summary>
    public void Publish(TurnRequest request, TurnResult result)
    {
        foreach (var watcher in Volatile.Read(ref _watchers))
        {
            watcher.Writer.TryWrite((request, result));
        }
    }

    /// <summary>Watches turns until <paramref name="cancellationToken"/> fires.</summary>
    public async IAsyncEnumerable<(TurnRequest Request, TurnResult Result)> WatchAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<(TurnRequest, TurnResult)>(new BoundedChannelOptions(100) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (_gate)
        {
            _watchers = [.. _watchers, channel];
        }

        try
        {
            await foreach (var item in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return item;
            }
        }
        finally
        {
            lock (_gate)
            {
                _watchers = [.. _watchers.Where(candidate => candidate != channel)];
            }
        }
    }
}
