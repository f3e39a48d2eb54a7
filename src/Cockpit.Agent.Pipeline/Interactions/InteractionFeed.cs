using System.Threading.Channels;
using Cockpit.Agent.Conversations;

namespace Cockpit.Agent.Interactions;

/// <summary>Fans completed turns out to live watchers (the console, monitoring). A slow watcher loses old turns, never stalls the agent.</summary>
internal sealed class InteractionFeed
{
    private const int WatcherCapacity = 100;

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

    /// <summary>Registers a watcher at once: it receives every turn published from now until it is disposed.</summary>
    public Subscription Subscribe()
    {
        var channel = Channel.CreateBounded<(TurnRequest, TurnResult)>(new BoundedChannelOptions(WatcherCapacity) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (_gate)
        {
            _watchers = [.. _watchers, channel];
        }

        return new Subscription(this, channel);
    }

    private void Remove(Channel<(TurnRequest, TurnResult)> channel)
    {
        lock (_gate)
        {
            _watchers = [.. _watchers.Where(candidate => candidate != channel)];
        }
    }

    /// <summary>One watcher's turns; disposing it stops them.</summary>
    internal sealed class Subscription(InteractionFeed feed, Channel<(TurnRequest, TurnResult)> channel) : IDisposable
    {
        /// <summary>The turns published since <see cref="Subscribe"/>, oldest first.</summary>
        public ChannelReader<(TurnRequest Request, TurnResult Result)> Turns => channel.Reader;

        public void Dispose() => feed.Remove(channel);
    }
}
