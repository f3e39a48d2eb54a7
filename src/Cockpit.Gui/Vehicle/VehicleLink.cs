using System.Collections.Concurrent;
using Cockpit.ServiceDefaults.Grpc;
using Cockpit.Vehicle.Client;
using Microsoft.Extensions.Options;

namespace Cockpit.Gui.Vehicle;

/// <summary>
/// The HMI's view of the vehicle service (kuksa.val.v2): the last known value of each bound
/// signal, whether the service answers, and writes through the shared <see cref="VehicleClient"/>.
/// Values arrive through <see cref="VehicleSubscriptionService"/>; the HMI keeps numbers as doubles.
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
    private readonly ILogger<VehicleLink> _logger;
    private volatile bool _available;

    public VehicleLink(IOptions<GuiOptions> options, TimeProvider timeProvider, ILoggerFactory loggers)
    {
        _logger = loggers.CreateLogger<VehicleLink>();
        _timeProvider = timeProvider;
        var settings = options.Value;
        if (!string.IsNullOrEmpty(settings.VehicleAddress))
        {
            // No retries: the screen answers at once, and the subscription finds the service again when it is back.
            Client = new VehicleClient(
                new VehicleClientOptions
                {
                    Address = settings.VehicleAddress, // http:// or unix:/run/cockpit/vehicle.sock
                    Token = BearerTokenCredentials.Resolve(settings.VehicleToken, settings.VehicleTokenPath),
                    CallTimeout = settings.VehicleCallTimeout,
                    Retries = 0,
                },
                timeProvider,
                loggers.CreateLogger<VehicleClient>());
        }
    }

    /// <summary>
    /// Raised with the path whose value changed (null when availability changed) and whether the
    /// change came from elsewhere than this HMI's own writes.
    /// </summary>
    public event Action<string?, object?, bool>? Changed;

    public string? Address => Client?.Address;

    /// <summary>Null when no vehicle address is configured.</summary>
    public VehicleClient? Client { get; }

    public bool IsAvailable => _available;

    public object? Get(string path) => _values.TryGetValue(path, out var value) ? value : null;

    public void SetAvailable(bool available)
    {
        if (_available == available)
        {
            return;
        }

        _available = available;
        Changed?.Invoke(null, null, false);
    }

    /// <summary>A value from the subscription; <paramref name="initial"/> for the first message, which reports state, not changes.</summary>
    public void OnRemoteValue(string path, object? value, bool initial)
    {
        value = Shown(value);
        Store(path, value);
        Changed?.Invoke(path, value, !initial && !ConsumeEcho(path, value));
    }

    /// <summary>Sets actuator targets, all or nothing, and on success remembers them as the values now shown.</summary>
    public async Task<VehicleResult> ActuateAsync(IReadOnlyList<(string Path, object Value)> writes, CancellationToken cancellationToken)
    {
        if (Client is null || !_available)
        {
            return new VehicleResult(VehicleOutcome.Unreachable, "the vehicle service is unavailable");
        }

        var result = await Client.ActuateAsync(writes, cancellationToken);
        if (result.Outcome == VehicleOutcome.Unreachable)
        {
            SetAvailable(false);
        }

        if (!result.IsAccepted)
        {
            return result;
        }

        foreach (var (path, value) in writes)
        {
            var shown = Shown(value)!;
            ExpectEcho(path, shown);
            Store(path, shown);
            Changed?.Invoke(path, shown, false);
        }

        return result;
    }

    /// <summary>Best effort for what the HMI drives beyond its own screen (media, guidance): failures are logged, not thrown.</summary>
    public async Task TryActuateAsync(IReadOnlyList<(string Path, object Value)> writes, CancellationToken cancellationToken)
    {
        if (Client is null || !_available)
        {
            return;
        }

        if (await ActuateAsync(writes, cancellationToken) is { IsAccepted: false } failed)
        {
            Log.VehicleWriteFailed(_logger, string.Join(", ", writes.Select(w => w.Path)), $"{failed.Outcome}: {failed.Reason}");
        }
    }

    /// <summary>Publishes sensor values the head unit provides (what is playing); best effort.</summary>
    public async Task TryPublishAsync(string path, string value, CancellationToken cancellationToken)
    {
        if (Client is null || !_available)
        {
            return;
        }

        ExpectEcho(path, value);
        if (await Client.PublishAsync(path, value, cancellationToken) is { IsAccepted: false } failed)
        {
            Log.VehicleWriteFailed(_logger, path, $"{failed.Outcome}: {failed.Reason}");
        }
    }

    public void Dispose() => Client?.Dispose();

    /// <summary>The HMI shows and compares every number as a double.</summary>
    private static object? Shown(object? value) =>
        value is IConvertible and not (string or bool) ? Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture) : value;

    private void Store(string path, object? value)
    {
        if (value is null)
        {
            _values.TryRemove(path, out _);
        }
        else
        {
            _values[path] = value;
        }
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
            {
                return false;
            }

            _echoes.RemoveAt(index);
            return true;
        }
    }

    private void ExpectEcho(string path, object value)
    {
        lock (_echoes)
        {
            _echoes.Add((path, value, _timeProvider.GetUtcNow() + EchoLifetime));
        }
    }
}
