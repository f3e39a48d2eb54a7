using Grpc.Core;

namespace Cockpit.Testing;

/// <summary>Reading server streams in tests without hanging forever when a message never comes.</summary>
public static class AsyncStreamReaderExtensions
{
    /// <summary>The default time to wait for stream messages: long enough for a loaded CI machine.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    /// <summary>The next message; throws <see cref="TimeoutException"/> when none comes in time, or when the stream ends.</summary>
    public static async Task<T> ReadNextAsync<T>(this IAsyncStreamReader<T> stream, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var cancellation = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            return await stream.MoveNext(cancellation.Token)
                ? stream.Current
                : throw new InvalidOperationException("the stream ended before the next message");
        }
        catch (RpcException error) when (error.StatusCode == StatusCode.Cancelled && cancellation.IsCancellationRequested)
        {
            throw new TimeoutException($"no message within {timeout ?? DefaultTimeout}", error);
        }
    }

    /// <summary>
    /// Reads messages until one satisfies <paramref name="last"/>, and returns all of them (that one included).
    /// Throws <see cref="TimeoutException"/> when it does not come in time.
    /// </summary>
    public static async Task<List<T>> ReadUntilAsync<T>(this IAsyncStreamReader<T> stream, Func<T, bool> last, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(last);
        var limit = timeout ?? DefaultTimeout;
        var messages = new List<T>();
        using var cancellation = new CancellationTokenSource(limit);
        try
        {
            while (await stream.MoveNext(cancellation.Token))
            {
                messages.Add(stream.Current);
                if (last(stream.Current))
                {
                    return messages;
                }
            }
        }
        catch (RpcException error) when (error.StatusCode == StatusCode.Cancelled && cancellation.IsCancellationRequested)
        {
            throw new TimeoutException($"the awaited message did not come within {limit} ({messages.Count} others did)", error);
        }

        throw new InvalidOperationException($"the stream ended before the awaited message ({messages.Count} others came)");
    }
}
