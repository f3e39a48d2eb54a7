using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Cockpit.Gui.Screens;
using Cockpit.Gui.Vehicle;
using Microsoft.Extensions.Options;

namespace Cockpit.Gui.Hmi;

/// <summary>
/// The head unit: one session, changed by one action at a time, published as immutable
/// snapshots to watchers. Actions run on a copy of the session that replaces it only on success.
/// </summary>
internal sealed class HmiEngine : IDisposable
{
    private readonly ScreenCatalog _catalog;
    private readonly ScreenRenderer _renderer;
    private readonly ActionExecutor _executor;
    private readonly VehicleLink _vehicle;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<HmiEngine> _logger;
    private readonly int _historySize;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _sync = new();
    private readonly List<Channel<ScreenSnapshot>> _watchers = [];
    private readonly LinkedList<ActionRecord> _history = new();
    private readonly ConcurrentQueue<(string Path, object? Value)> _remoteMedia = new();
    private HmiSession _session;
    private ScreenSnapshot _current;
    private int _refreshQueued;

    public HmiEngine(
        ScreenCatalog catalog, ScreenRenderer renderer, ActionExecutor executor, VehicleLink vehicle,
        IOptions<GuiOptions> options, TimeProvider timeProvider, ILogger<HmiEngine> logger)
    {
        _catalog = catalog;
        _renderer = renderer;
        _executor = executor;
        _vehicle = vehicle;
        _timeProvider = timeProvider;
        _logger = logger;
        _historySize = options.Value.ActionHistory;
        _session = new HmiSession(catalog.HomeScreen);
        _current = Snapshot(_session, version: 1);
        _vehicle.Changed += OnVehicleChanged;
    }

    public ScreenSnapshot Current => _current;

    /// <summary>The latest actions, newest first.</summary>
    public IReadOnlyList<ActionRecord> History
    {
        get
        {
            lock (_sync)
            {
                return [.. _history];
            }
        }
    }

    public async Task<ActResult> ActAsync(HmiAction action, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var draft = _session.Clone();
            var before = Fingerprint(_session);
            (bool Wrote, string Summary) outcome;
            try
            {
                outcome = await _executor.ExecuteAsync(draft, action, cancellationToken);
            }
            catch (HmiActionException ex)
            {
                Log.ActionRefused(_logger, action, ex.Message);
                Record(new ActionRecord(_timeProvider.GetUtcNow(), action.ToString(), Ok: false, ex.Message));
                Publish(_current);
                throw;
            }

            var changed = outcome.Wrote || Fingerprint(draft) != before;
            Log.ActionDone(_logger, action, outcome.Summary);
            Record(new ActionRecord(_timeProvider.GetUtcNow(), action.ToString(), Ok: true, outcome.Summary));
            var screen = Commit(draft);
            return new ActResult(screen, changed, outcome.Summary);
        }
        finally
        {
            _gate.Release();
        }
    }

    public IReadOnlyDictionary<string, object> GetState()
    {
        var session = _session;
        return new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [StateKeys.App] = _catalog.Screens[session.ScreenId].App,
            [StateKeys.SettingsBluetooth] = session.Bluetooth,
            [StateKeys.SettingsWifi] = session.Wifi,
            [StateKeys.MediaPlaying] = session.Playing,
            [StateKeys.MediaTrack] = session.Track?.Name ?? string.Empty,
            [StateKeys.NavigationDestination] = session.Destination?.Name ?? string.Empty,
            [StateKeys.PhoneContact] = session.CallContact?.Name ?? string.Empty,
        };
    }

    /// <summary>Back to the defaults, then the given state keys; all or nothing.</summary>
    public async Task ResetAsync(IReadOnlyDictionary<string, object> given, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var draft = new HmiSession(_catalog.HomeScreen);
            StateSeeder.Apply(draft, _catalog, given);
            Record(new ActionRecord(_timeProvider.GetUtcNow(), "Reset", Ok: true, given.Count == 0 ? "defaults" : string.Join(", ", given.Select(g => $"{g.Key}={g.Value}"))));
            Commit(draft);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The current screen, then each new one; with <paramref name="everyAction"/> also a repeat after a refused action.</summary>
    public async IAsyncEnumerable<ScreenSnapshot> WatchAsync(bool everyAction, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<ScreenSnapshot>(new BoundedChannelOptions(8) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (_sync)
        {
            channel.Writer.TryWrite(_current);
            _watchers.Add(channel);
        }

        try
        {
            long last = -1;
            await foreach (var snapshot in channel.Reader.ReadAllAsync(cancellationToken))
            {
                if (!everyAction && snapshot.Version == last)
                {
                    continue;
                }

                last = snapshot.Version;
                yield return snapshot;
            }
        }
        finally
        {
            lock (_sync)
            {
                _watchers.Remove(channel);
            }
        }
    }

    public void Dispose()
    {
        _vehicle.Changed -= OnVehicleChanged;
        _gate.Dispose();
    }

    private ScreenSnapshot Commit(HmiSession session)
    {
        lock (_sync)
        {
            _session = session;
            var next = Snapshot(session, _current.Version + 1);
            if (next.Id == _current.Id && next.VehicleAvailable == _current.VehicleAvailable && next.Elements.SequenceEqual(_current.Elements))
            {
                return _current;
            }

            _current = next;
            Publish(_current);
            return _current;
        }
    }

    private void Publish(ScreenSnapshot snapshot)
    {
        lock (_sync)
        {
            foreach (var watcher in _watchers)
            {
                watcher.Writer.TryWrite(snapshot);
            }
        }
    }

    private void Record(ActionRecord record)
    {
        lock (_sync)
        {
            _history.AddFirst(record);
            while (_history.Count > _historySize)
            {
                _history.RemoveLast();
            }
        }
    }

    private ScreenSnapshot Snapshot(HmiSession session, long version)
    {
        var screen = _catalog.Screens[session.ScreenId];
        var elements = _renderer.Render(session).Where(e => e.InViewport).ToArray();
        return new ScreenSnapshot(screen.Id, screen.App, screen.Title, elements, version, _vehicle.IsAvailable, _catalog.Width, _catalog.Height);
    }

    private static string Fingerprint(HmiSession s) => string.Join(
        '|',
        s.ScreenId, string.Join(',', s.BackStack), s.Bluetooth, s.Wifi, s.Playing, s.Track?.Id, s.Destination?.Id,
        s.SelectedPlace?.Id, s.CallContact?.Id, s.SelectedContact?.Id,
        string.Join(',', s.FirstVisible.Where(p => p.Value != 0).OrderBy(p => p.Key, StringComparer.Ordinal)),
        string.Join(',', s.Inputs.Where(p => p.Value.Length != 0).OrderBy(p => p.Key, StringComparer.Ordinal)));

    private void OnVehicleChanged(string? path, object? value, bool external)
    {
        if (external && path is VehicleLink.MediaAction or VehicleLink.MediaTrack)
        {
            _remoteMedia.Enqueue((path, value));
        }

        // A burst of values (the first message of a subscription) becomes one refresh.
        if (Interlocked.Exchange(ref _refreshQueued, 1) == 0)
        {
            _ = Task.Run(RefreshAsync);
        }
    }

    private async Task RefreshAsync()
    {
        await _gate.WaitAsync();
        try
        {
            Interlocked.Exchange(ref _refreshQueued, 0);
            var draft = _session.Clone();
            while (_remoteMedia.TryDequeue(out var change))
            {
                FollowMedia(draft, change.Path, change.Value);
            }

            // Commit publishes only when the screen looks different.
            Commit(draft);
        }
        catch (ObjectDisposedException)
        {
            // The host stopped while a refresh was queued.
        }
        finally
        {
            try
            {
                _gate.Release();
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    /// <summary>Play, pause and track changes made through the car (voice, steering wheel) show on the screen too.</summary>
    private void FollowMedia(HmiSession session, string path, object? value)
    {
        if (path == VehicleLink.MediaAction && value is "PLAY" && !session.Playing)
        {
            session.Track ??= _catalog.Content.Tracks[0];
            session.Playing = true;
        }
        else if (path == VehicleLink.MediaAction && value is "STOP")
        {
            session.Playing = false;
        }
        else if (path == VehicleLink.MediaTrack && value is string name && _catalog.Content.Tracks.FirstOrDefault(t => t.Name == name) is { } track)
        {
            session.Track = track;
        }
    }
}
