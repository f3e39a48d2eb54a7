using System.Collections.Concurrent;
using Cockpit.ServiceDefaults.Grpc;
using Grpc.Core;
using Grpc.Net.Client;
using Kuksa.Val.V2;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cockpit.Gui.Vehicle;

/// <summary>
/// The HMI's view of the vehicle service (kuksa.val.v2): the last known value of each bound
/// signal, whether the service answers, and writes. Values arrive through
/// <see cref="VehicleSubscriptionService"/>.
/// </summary>
internal sealed class VehicleLink : IDisposable
{
    public const string MediaAction = "Vehicle.Cabin.Infotainment.Media.Action";
    public const string MediaSelectedUri = "Vehicle.Cabin.Infotainment.Media.SelectedURI";
    public const string MediaTrack = "Vehicle.Cabin.Infotainment.Media.Played.Track";
    public const string MediaArtist = "Vehicle.Cabin.Infotainment.Media.Played.Artist";
    public const string DestinationLatitude = "Vehicle.Cabin.Infotainment.Navigation.DestinationSet.Latitude";
    public const string DestinationLongitude = "Vehicle.Cabin.Infotainment.Navigation.DestinationSet.Longitude";

    private static readonly TimeSpan EchoLifetime = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, object> _values = new(StringComparer.Ordinal);
    private readonly List<(string Path, object Value, DateTimeOffset Until)> _echoes = [];
    private readonly TimeProvider _timeProvider;
    private readonly GrpcChannel? _channel;
    private readonly TimeSpan _timeout;
    private readonly ILogger<VehicleLink> _logger;
    private volatile bool _available;

    public VehicleLink(IOptions<GuiOptions> options, TimeProvider timeProvider, ILogger<VehicleLink> logger)
    {
        _logger = logger;
        _timeProvider = timeProvider;
        _timeout = options.Value.VehicleCallTimeout;
        Address = options.Value.VehicleAddress;
        if (!string.IsNullOrEmpty(Address))
        {
            var token = BearerTokenCredentials.Resolve(options.Value.VehicleToken, options.Value.VehicleTokenPath);
            _channel = CockpitGrpcChannel.ForAddress(Address, new GrpcChannelOptions().WithBearerToken(token)); // http:// or unix:/run/cockpit/vehicle.sock
            Client = new VAL.VALClient(_channel);
        }
    }

    /// <summary>
    /// Raised with the path whose value changed (null when availability changed) and whether the
    /// change came from elsewhere than this HMI's own writes.
    /// </summary>
    public event Action<string?, object?, bool>? Changed;

    public string? Address { get; }

    /// <summary>Null when no vehicle address is configured.</summary>
    public VAL.VALClient? Client { get; }

    public TimeSpan Timeout => _timeout;

    public bool IsAvailable => _available;

    public object? Get(string path) => _values.TryGetValue(path, out var value) ? value : null;

    public void SetAvailable(bool available)
    {
        if (_available == available)
            return;

        _available = available;
        Changed?.Invoke(null, null, false);
    }

    /// <summary>A value from the subscription; <paramref name="initial"/> for the first message, which reports state, not changes.</summary>
    public void OnRemoteValue(string path, object? value, bool initial)
    {
        Store(path, value);
        Changed?.Invoke(path, value, !initial && !ConsumeEcho(path, value));
    }

    private void Store(string path, object? value)
    {
        if (value is null)
            _values.TryRemove(path, out _);
        else
            _values[path] = value;
    }

    /// <summary>
    /// The subscription reports this HMI's own writes back; those are not changes made elsewhere.
    /// Echoes expire because a write that changes nothing is not reported.
    /// </summary>
    private bool ConsumeEcho(string path, object? value)
    {
        lock (_echoes)
        {
            var now = _timeProvider.GetUtcNow();
            _echoes.RemoveAll(echo => echo.Until < now);
            var index = _echoes.FindIndex(echo => echo.Path == path && Equals(echo.Value, value));
            if (index < 0)
                return false;

            _echoes.RemoveAt(index);
            return true;
        }
    }

    private void ExpectEcho(string path, object value)
    {
        lock (_echoes)
            _echoes.Add((path, value is float or int or uint ? Convert.ToDouble(value) : value, _timeProvider.GetUtcNow() + EchoLifetime));
    }

    /// <summary>Sets actuator targets, all or nothing, and remembers them as the values now shown.</summary>
    /// <exception cref="VehicleWriteException">Not configured, unreachable, or the value was refused.</exception>
    public async Task ActuateAsync(IReadOnlyList<(string Path, object Value, string Type)> writes, CancellationToken cancellationToken)
    {
        if (Client is null || !_available)
            throw new VehicleWriteException(unavailable: true, "the vehicle service is unavailable");

        var request = new BatchActuateRequest();
        foreach (var (path, value, type) in writes)
            request.ActuateRequests.Add(new ActuateRequest { SignalId = new SignalID { Path = path }, Value = VehicleValues.ToValue(value, type) });

        try
        {
            await Client.BatchActuateAsync(request, deadline: DateTime.UtcNow + _timeout, cancellationToken: cancellationToken);
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
        {
            SetAvailable(false);
            throw new VehicleWriteException(unavailable: true, $"the vehicle service is unavailable ({ex.Status.Detail})", ex);
        }
        catch (RpcException ex)
        {
            throw new VehicleWriteException(unavailable: false, $"{ex.StatusCode}: {ex.Status.Detail}", ex);
        }

        foreach (var (path, value, _) in writes)
        {
            ExpectEcho(path, value);
            Store(path, value is float or int or uint ? Convert.ToDouble(value) : value);
            Changed?.Invoke(path, value, false);
        }
    }

    /// <summary>Best effort for what the HMI drives beyond its own screen (media, guidance): failures are logged, not thrown.</summary>
    public async Task TryActuateAsync(IReadOnlyList<(string Path, object Value, string Type)> writes, CancellationToken cancellationToken)
    {
        if (Client is null || !_available)
            return;

        try
        {
            await ActuateAsync(writes, cancellationToken);
        }
        catch (VehicleWriteException ex)
        {
            Log.VehicleWriteFailed(_logger, string.Join(", ", writes.Select(w => w.Path)), ex.Message);
        }
    }

    /// <summary>Publishes sensor values the head unit provides (what is playing); best effort.</summary>
    public async Task TryPublishAsync(string path, string value, CancellationToken cancellationToken)
    {
        if (Client is null || !_available)
            return;

        try
        {
            var request = new PublishValueRequest
            {
                SignalId = new SignalID { Path = path },
                DataPoint = new Datapoint { Value = new Value { String = value } },
            };
            ExpectEcho(path, value);
            await Client.PublishValueAsync(request, deadline: DateTime.UtcNow + _timeout, cancellationToken: cancellationToken);
        }
        catch (RpcException ex)
        {
            Log.VehicleWriteFailed(_logger, path, $"{ex.StatusCode}: {ex.Status.Detail}");
        }
    }

    public void Dispose() => _channel?.Dispose();
}
