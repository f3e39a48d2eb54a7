using System.Collections.Frozen;
using Grpc.Core;
using Kuksa.Val.V2;
using Metadata = Kuksa.Val.V2.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cockpit.Agent.Execution;

/// <summary>
/// The agent's way to the car: a kuksa.val.v2 client that speaks VSS paths and plain values.
/// It learns the signals' metadata once, converts values to the wire type KUKSA expects, bounds every
/// call by a deadline, and retries only what may succeed on a second try (UNAVAILABLE), with backoff.
/// The channel reconnects by itself when the vehicle service restarts.
/// </summary>
internal sealed class VehicleClient(VAL.VALClient client, IOptions<AgentOptions> options, TimeProvider time, ILogger<VehicleClient> logger)
{
    private volatile FrozenDictionary<string, Metadata>? _metadata;

    /// <summary>The metadata of every signal, loaded on first use.</summary>
    public async Task<FrozenDictionary<string, Metadata>> GetMetadataAsync(CancellationToken cancellationToken)
    {
        if (_metadata is { } known)
        {
            return known;
        }

        var response = await CallAsync(deadline => client.ListMetadataAsync(new ListMetadataRequest { Root = "Vehicle" }, deadline).ResponseAsync, cancellationToken);
        return _metadata = response.Metadata.ToFrozenDictionary(item => item.Path, StringComparer.Ordinal);
    }

    /// <summary>Current values of the signals, as plain CLR values (null when a signal has none).</summary>
    public async Task<Dictionary<string, object?>> GetValuesAsync(IReadOnlyCollection<string> paths, CancellationToken cancellationToken)
    {
        var request = new GetValuesRequest();
        request.SignalIds.AddRange(paths.Select(path => new SignalID { Path = path }));
        var response = await CallAsync(deadline => client.GetValuesAsync(request, deadline).ResponseAsync, cancellationToken);
        var values = new Dictionary<string, object?>(paths.Count, StringComparer.Ordinal);
        var index = 0;
        foreach (var path in paths)
        {
            values[path] = WireValues.ToClr(response.DataPoints[index++].Value);
        }

        return values;
    }

    /// <summary>
    /// Sets targets together (all or nothing). Throws <see cref="RpcException"/> with the vehicle
    /// service's status when it refuses; UNAVAILABLE only after the retries are spent.
    /// </summary>
    public async Task ActuateAsync(IReadOnlyList<(string Path, object Value)> targets, CancellationToken cancellationToken)
    {
        var metadata = await GetMetadataAsync(cancellationToken);
        var request = new BatchActuateRequest();
        foreach (var (path, value) in targets)
        {
            if (!metadata.TryGetValue(path, out var signal))
            {
                throw new RpcException(new Status(StatusCode.NotFound, $"{path}: no such signal"));
            }

            request.ActuateRequests.Add(new ActuateRequest { SignalId = new SignalID { Path = path }, Value = WireValues.ToWire(signal, value) });
        }

        // BatchActuate sets targets, so repeating it after a lost answer sets the same targets again: safe to retry.
        await CallAsync(deadline => client.BatchActuateAsync(request, deadline).ResponseAsync, cancellationToken);
    }

    /// <summary>
    /// Runs a call with a deadline. Calls wait for the channel to be ready within that deadline, so a vehicle
    /// service that is restarting is reached as soon as it is back; one that stays away ends in DEADLINE_EXCEEDED.
    /// </summary>
    private async Task<T> CallAsync<T>(Func<CallOptions, Task<T>> call, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var delay = settings.RetryBaseDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call(new CallOptions(deadline: time.GetUtcNow().UtcDateTime + settings.VehicleCallTimeout, cancellationToken: cancellationToken).WithWaitForReady());
            }
            catch (RpcException error) when (error.StatusCode == StatusCode.Unavailable && attempt <= settings.VehicleRetries)
            {
                Log.VehicleRetry(logger, attempt, delay.TotalMilliseconds, error.Status.Detail);
                await Task.Delay(delay, time, cancellationToken);
                delay *= 2;
            }
        }
    }
}
