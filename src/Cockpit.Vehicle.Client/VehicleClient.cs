using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using Cockpit.ServiceDefaults.Grpc;
using Grpc.Core;
using Grpc.Net.Client;
using Kuksa.Val.V2;
using Microsoft.Extensions.Logging;
using Metadata = Kuksa.Val.V2.Metadata;

namespace Cockpit.Vehicle.Client;

/// <summary>
/// The way to the car for the agent and the HMI: a kuksa.val.v2 client that speaks VSS paths and plain values. It learns
/// the signals' metadata once, writes values in the wire type each signal wants (<see cref="KuksaValues"/>), bounds every
/// call by a deadline, retries only what may succeed on a second try (UNAVAILABLE) with backoff, and reconnects by itself
/// when the vehicle service restarts. Callers see <see cref="VehicleResult"/> and <see cref="VehicleException"/>, never
/// a transport status.
/// </summary>
public sealed class VehicleClient : IDisposable
{
    private readonly GrpcChannel _channel;
    private readonly VAL.VALClient _client;
    private readonly VehicleClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<VehicleClient> _logger;
    private volatile FrozenDictionary<string, Metadata>? _metadata;

    /// <summary>Creates the client and its channel; nothing is sent until the first call.</summary>
    public VehicleClient(VehicleClientOptions options, TimeProvider time, ILogger<VehicleClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.Address);
        _options = options;
        _time = time;
        _logger = logger;
        _channel = CockpitGrpcChannel.ForAddress(options.Address, new GrpcChannelOptions
        {
            // Find a restarted vehicle service quickly; the default backoff starts at a second.
            InitialReconnectBackoff = TimeSpan.FromMilliseconds(100),
        }.WithBearerToken(options.Token));
        _client = new VAL.VALClient(_channel);
    }

    /// <summary>The vehicle service's address.</summary>
    public string Address => _options.Address;

    /// <summary>The metadata of every signal, loaded on first use.</summary>
    /// <exception cref="VehicleException">The service could not be asked.</exception>
    public async Task<FrozenDictionary<string, Metadata>> GetMetadataAsync(CancellationToken cancellationToken)
    {
        if (_metadata is { } known)
        {
            return known;
        }

        var response = await CallAsync(deadline => _client.ListMetadataAsync(new ListMetadataRequest { Root = "Vehicle" }, deadline).ResponseAsync, cancellationToken);
        return _metadata = response.Metadata.ToFrozenDictionary(item => item.Path, StringComparer.Ordinal);
    }

    /// <summary>Current values of the signals as plain CLR values (null when a signal has none), in one call.</summary>
    /// <exception cref="VehicleException">A signal is unknown or unreadable, or the service could not be asked.</exception>
    public async Task<Dictionary<string, object?>> GetValuesAsync(IReadOnlyCollection<string> paths, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var request = new GetValuesRequest();
        request.SignalIds.AddRange(paths.Select(path => new SignalID { Path = path }));
        var response = await CallAsync(deadline => _client.GetValuesAsync(request, deadline).ResponseAsync, cancellationToken);
        var values = new Dictionary<string, object?>(paths.Count, StringComparer.Ordinal);
        var index = 0;
        foreach (var path in paths)
        {
            values[path] = KuksaValues.ToClr(response.DataPoints[index++].Value);
        }

        return values;
    }

    /// <summary>
    /// Sets targets together, all or nothing. Each value is written in its signal's wire type; one that does not fit
    /// refuses the whole request before anything is sent.
    /// </summary>
    public async Task<VehicleResult> ActuateAsync(IReadOnlyList<(string Path, object Value)> targets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(targets);
        try
        {
            var metadata = await GetMetadataAsync(cancellationToken);
            var request = new BatchActuateRequest();
            foreach (var (path, value) in targets)
            {
                if (ToWire(metadata, path, value, out var wire) is { } refused)
                {
                    return refused;
                }

                request.ActuateRequests.Add(new ActuateRequest { SignalId = new SignalID { Path = path }, Value = wire });
            }

            // BatchActuate sets targets, so repeating it after a lost answer sets the same targets again: safe to retry.
            await CallAsync(deadline => _client.BatchActuateAsync(request, deadline).ResponseAsync, cancellationToken);
            return VehicleResult.Accepted;
        }
        catch (VehicleException error)
        {
            return new VehicleResult(error.Outcome, error.Reason);
        }
    }

    /// <summary>Publishes the value of a signal this caller provides (a sensor such as what is playing).</summary>
    public async Task<VehicleResult> PublishAsync(string path, object value, CancellationToken cancellationToken)
    {
        try
        {
            if (ToWire(await GetMetadataAsync(cancellationToken), path, value, out var wire) is { } refused)
            {
                return refused;
            }

            var request = new PublishValueRequest { SignalId = new SignalID { Path = path }, DataPoint = new Datapoint { Value = wire } };
            await CallAsync(deadline => _client.PublishValueAsync(request, deadline).ResponseAsync, cancellationToken);
            return VehicleResult.Accepted;
        }
        catch (VehicleException error)
        {
            return new VehicleResult(error.Outcome, error.Reason);
        }
    }

    /// <summary>
    /// The values of the signals as the car changes them: first all current values, then each change, until the caller
    /// stops or the stream breaks. The stream has no deadline.
    /// </summary>
    /// <exception cref="VehicleException">A signal is unknown or unreadable, or the stream broke.</exception>
    public async IAsyncEnumerable<IReadOnlyDictionary<string, object?>> SubscribeAsync(IEnumerable<string> paths, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = new SubscribeRequest();
        request.SignalPaths.AddRange(paths);
        using var call = _client.Subscribe(request, cancellationToken: cancellationToken);
        while (true)
        {
            Dictionary<string, object?> values;
            try
            {
                if (!await call.ResponseStream.MoveNext(cancellationToken))
                {
                    yield break;
                }

                values = call.ResponseStream.Current.Entries.ToDictionary(entry => entry.Key, entry => KuksaValues.ToClr(entry.Value.Value), StringComparer.Ordinal);
            }
            catch (RpcException error)
            {
                throw Translate(error, cancellationToken);
            }

            yield return values;
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _channel.Dispose();

    /// <summary>The wire value of <paramref name="value"/> for the signal at <paramref name="path"/>; the refusal when there
    /// is no such signal or the value does not fit it, null otherwise.</summary>
    private static VehicleResult? ToWire(FrozenDictionary<string, Metadata> metadata, string path, object value, out Value wire)
    {
        wire = null!;
        if (!metadata.TryGetValue(path, out var signal))
        {
            return new VehicleResult(VehicleOutcome.NotFound, $"{path}: no such signal");
        }

        try
        {
            wire = KuksaValues.ToWire(signal.DataType, value);
            return null;
        }
        catch (FormatException error)
        {
            return new VehicleResult(VehicleOutcome.Refused, $"{path}: {error.Message}");
        }
    }

    /// <summary>
    /// Runs a call with a deadline. Calls wait for the channel to be ready within that deadline, so a vehicle service
    /// that is restarting is reached as soon as it is back; one that stays away ends as <see cref="VehicleOutcome.Unreachable"/>.
    /// </summary>
    private async Task<T> CallAsync<T>(Func<CallOptions, Task<T>> call, CancellationToken cancellationToken)
    {
        var delay = _options.RetryBaseDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call(new CallOptions(deadline: _time.GetUtcNow().UtcDateTime + _options.CallTimeout, cancellationToken: cancellationToken).WithWaitForReady());
            }
            catch (RpcException error) when (error.StatusCode == StatusCode.Unavailable && attempt <= _options.Retries)
            {
                Log.VehicleRetry(_logger, attempt, delay.TotalMilliseconds, error.Status.Detail);
                await Task.Delay(delay, _time, cancellationToken);
                delay *= 2;
            }
            catch (RpcException error)
            {
                throw Translate(error, cancellationToken);
            }
        }
    }

    private static Exception Translate(RpcException error, CancellationToken cancellationToken) =>
        error.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested
            ? new OperationCanceledException(error.Status.Detail, error, cancellationToken)
            : new VehicleException(OutcomeOf(error.StatusCode), error.Status.Detail, error);

    private static VehicleOutcome OutcomeOf(StatusCode status) => status switch
    {
        StatusCode.OK => VehicleOutcome.Accepted,
        StatusCode.InvalidArgument or StatusCode.OutOfRange => VehicleOutcome.Refused,
        StatusCode.FailedPrecondition => VehicleOutcome.Interlocked,
        StatusCode.NotFound => VehicleOutcome.NotFound,
        StatusCode.Unauthenticated => VehicleOutcome.Unauthenticated,
        StatusCode.PermissionDenied => VehicleOutcome.Forbidden,
        _ => VehicleOutcome.Unreachable,
    };
}
