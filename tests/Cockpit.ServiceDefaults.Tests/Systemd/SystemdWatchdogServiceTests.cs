using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using Cockpit.ServiceDefaults.Systemd;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Cockpit.ServiceDefaults.Tests.Systemd;

public sealed class SystemdWatchdogServiceTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan WatchdogSec = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ExecuteAsync_HealthyHost_PingsEveryHalfInterval()
    {
        var time = new SignallingTimeProvider();
        var notifier = new RecordingNotifier(time);
        using var service = new SystemdWatchdogService(notifier, new FixedHealth(HealthStatus.Healthy), WatchdogSec, time, new ListLogger<SystemdWatchdogService>());

        await service.StartAsync(CancellationToken.None);
        var pings = new List<(string State, DateTimeOffset At)> { await notifier.Next() };
        for (var i = 0; i < 3; i++)
        {
            await time.NextTimer();
            time.Advance(TimeSpan.FromSeconds(15));
            pings.Add(await notifier.Next());
        }

        await service.StopAsync(CancellationToken.None);
        Assert.All(pings, ping => Assert.Equal("WATCHDOG=1", ping.State));
        Assert.Equal([0.0, 15.0, 30.0, 45.0], pings.Select(ping => (ping.At - pings[0].At).TotalSeconds));
    }

    [Fact]
    public async Task ExecuteAsync_DegradedHost_StillPings()
    {
        var notifier = new RecordingNotifier();
        var time = new SignallingTimeProvider();
        using var service = new SystemdWatchdogService(notifier, new FixedHealth(HealthStatus.Degraded), WatchdogSec, time, new ListLogger<SystemdWatchdogService>());

        await service.StartAsync(CancellationToken.None);
        var ping = await notifier.Next();

        await service.StopAsync(CancellationToken.None);
        Assert.Equal("WATCHDOG=1", ping.State);
    }

    [Fact]
    public async Task ExecuteAsync_UnhealthyHost_WithholdsPingAndLogsTheFailingCheck()
    {
        var notifier = new RecordingNotifier();
        var time = new SignallingTimeProvider();
        var logger = new ListLogger<SystemdWatchdogService>();
        using var service = new SystemdWatchdogService(notifier, new FixedHealth(HealthStatus.Unhealthy, "vehicle", "simulated car stopped"), WatchdogSec, time, logger);

        await service.StartAsync(CancellationToken.None);
        await time.NextTimer();
        time.Advance(TimeSpan.FromSeconds(15));
        await time.NextTimer();

        await service.StopAsync(CancellationToken.None);
        Assert.Empty(notifier.All);
        Assert.Contains(logger.Messages, message => message == (LogLevel.Warning, "systemd watchdog not pinged: the host is unhealthy (vehicle: simulated car stopped)"));
    }

    [Fact]
    public async Task ExecuteAsync_HealthChecksThrow_WithholdsPing()
    {
        var notifier = new RecordingNotifier();
        var time = new SignallingTimeProvider();
        var logger = new ListLogger<SystemdWatchdogService>();
        using var service = new SystemdWatchdogService(notifier, new FixedHealth(new InvalidOperationException("check broke")), WatchdogSec, time, logger);

        await service.StartAsync(CancellationToken.None);
        await time.NextTimer();

        await service.StopAsync(CancellationToken.None);
        Assert.Empty(notifier.All);
        Assert.Contains(logger.Messages, message => message.Level == LogLevel.Warning && message.Text.StartsWith("systemd watchdog not pinged: the health checks failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExecuteAsync_NoHealthChecks_PingsWhileRunning()
    {
        var notifier = new RecordingNotifier();
        using var service = new SystemdWatchdogService(notifier, health: null, WatchdogSec, new SignallingTimeProvider(), new ListLogger<SystemdWatchdogService>());

        await service.StartAsync(CancellationToken.None);
        var ping = await notifier.Next();

        await service.StopAsync(CancellationToken.None);
        Assert.Equal("WATCHDOG=1", ping.State);
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public async Task ExecuteAsync_NotUnderSystemdOrNoWatchdog_DoesNothing(bool notifierEnabled, bool watchdogSet)
    {
        var notifier = new RecordingNotifier { IsEnabled = notifierEnabled };
        using var service = new SystemdWatchdogService(notifier, new FixedHealth(HealthStatus.Healthy), watchdogSet ? WatchdogSec : null, new SignallingTimeProvider(), new ListLogger<SystemdWatchdogService>());

        await service.StartAsync(CancellationToken.None);
        await service.ExecuteTask!.WaitAsync(Wait);

        Assert.Empty(notifier.All);
    }

    [Fact]
    public async Task ExecuteAsync_RealNotifySocket_SystemdReceivesWatchdogDatagram()
    {
        var socketPath = Path.Combine(Path.GetTempPath(), $"cockpit-notify-{Guid.NewGuid():N}.sock");
        using var systemd = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        systemd.Bind(new UnixDomainSocketEndPoint(socketPath));
        SystemdNotifier notifier;
        var previous = Environment.GetEnvironmentVariable("NOTIFY_SOCKET");
        try
        {
            Environment.SetEnvironmentVariable("NOTIFY_SOCKET", socketPath);
            notifier = new SystemdNotifier();
        }
        finally
        {
            Environment.SetEnvironmentVariable("NOTIFY_SOCKET", previous);
        }

        using var service = new SystemdWatchdogService(notifier, new FixedHealth(HealthStatus.Healthy), WatchdogSec, new SignallingTimeProvider(), new ListLogger<SystemdWatchdogService>());
        var buffer = new byte[256];

        await service.StartAsync(CancellationToken.None);
        using var timeout = new CancellationTokenSource(Wait);
        var received = await systemd.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);

        await service.StopAsync(CancellationToken.None);
        File.Delete(socketPath);
        Assert.Equal("WATCHDOG=1", Encoding.UTF8.GetString(buffer, 0, received));
    }

    /// <summary>Records each notification with the (fake) time it was sent.</summary>
    private sealed class RecordingNotifier(TimeProvider? clock = null) : ISystemdNotifier
    {
        private readonly Channel<(string, DateTimeOffset)> _pings = Channel.CreateUnbounded<(string, DateTimeOffset)>();
        private readonly List<string> _all = [];

        public bool IsEnabled { get; init; } = true;

        public IReadOnlyList<string> All
        {
            get
            {
                lock (_all)
                {
                    return [.. _all];
                }
            }
        }

        public void Notify(ServiceState state)
        {
            lock (_all)
            {
                _all.Add(state.ToString());
            }

            _pings.Writer.TryWrite((state.ToString(), clock?.GetUtcNow() ?? DateTimeOffset.MinValue));
        }

        public async Task<(string State, DateTimeOffset At)> Next() => await _pings.Reader.ReadAsync().AsTask().WaitAsync(Wait);
    }

    /// <summary>A fake clock that reports each timer the service creates, so the test advances time only once the service waits.</summary>
    private sealed class SignallingTimeProvider : FakeTimeProvider
    {
        private readonly Channel<bool> _timers = Channel.CreateUnbounded<bool>();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            _timers.Writer.TryWrite(true);
            return timer;
        }

        public async Task NextTimer() => await _timers.Reader.ReadAsync().AsTask().WaitAsync(Wait);
    }

    private sealed class FixedHealth : HealthCheckService
    {
        private readonly HealthReport? _report;
        private readonly Exception? _error;

        public FixedHealth(HealthStatus status, string name = "check", string? description = null) =>
            _report = new HealthReport(new Dictionary<string, HealthReportEntry> { [name] = new(status, description, TimeSpan.Zero, null, null) }, TimeSpan.Zero);

        public FixedHealth(Exception error) => _error = error;

        public override Task<HealthReport> CheckHealthAsync(Func<HealthCheckRegistration, bool>? predicate, CancellationToken cancellationToken = default) =>
            _error is null ? Task.FromResult(_report!) : Task.FromException<HealthReport>(_error);
    }
}
