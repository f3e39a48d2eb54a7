using System.Diagnostics.Metrics;
using Cockpit.Agent.Interactions;
using Cockpit.Agent.Uplink;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Cockpit.Agent.Tests.Uplink;

public sealed class UplinkTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cockpit-uplink-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly List<IDisposable> _open = [];
    private OtlpReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await OtlpReceiver.StartAsync();

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        foreach (var item in Enumerable.Reverse(_open))
        {
            if (item is UplinkService uplink)
            {
                // As the host does: the export loop ends before the log it reads is closed.
                await uplink.StopAsync(CancellationToken.None);
            }

            item.Dispose();
        }

        await _services.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Export_ReceiverFailsDropsAndRestarts_EveryRecordArrivesOnce()
    {
        var log = OpenLog();
        var ids = Append(log, 250);
        _receiver.FailNext(2);
        _receiver.DropNext(2);
        var uplink = await StartUplinkAsync(log);
        await UntilAsync(() => _receiver.Acknowledged.Count >= 100);

        await _receiver.StopAsync();
        ids.AddRange(Append(log, 50));
        await AdvanceAsync(TimeSpan.FromSeconds(10));
        await _receiver.RestartAsync();
        await UntilAsync(() => log.UplinkCursor == ids[^1]);
        await uplink.StopAsync(CancellationToken.None);

        Assert.Equal(ids, _receiver.Acknowledged.Order());
        Assert.Equal(ids.ToHashSet(), _receiver.Seen.ToHashSet());
        Assert.Equal(0, log.PendingUplinkRecords);
    }

    [Fact]
    public async Task Export_AgentRestartsMidExport_OnlyTheUnacknowledgedBatchIsSentTwice()
    {
        var log = OpenLog();
        var ids = Append(log, 120);
        var held = _receiver.HoldNext();
        var uplink = await StartUplinkAsync(log);
        var heldIds = await held.WaitAsync(TimeSpan.FromSeconds(20));

        await uplink.StopAsync(CancellationToken.None);
        uplink.Dispose();
        log.Dispose();
        var restarted = OpenLog();
        await StartUplinkAsync(restarted);
        await UntilAsync(() => restarted.UplinkCursor == ids[^1]);

        Assert.Equal(ids, _receiver.Acknowledged.Order());
        var twice = _receiver.Seen.GroupBy(id => id).Where(group => group.Count() > 1).Select(group => group.Key);
        Assert.Equal(heldIds.Order(), twice.Order());
        Assert.Equal(ids.Take(50), heldIds.Order());
    }

    [Fact]
    public async Task Export_Disabled_NothingSentAndAppendsUnaffected()
    {
        var log = OpenLog(enabled: false, maxRecords: 100);
        var uplink = await StartUplinkAsync(log, enabled: false);

        Append(log, 150);
        log.MarkExported(150);
        await AdvanceAsync(TimeSpan.FromMinutes(1));

        Assert.True(uplink.ExecuteTask!.IsCompletedSuccessfully);
        Assert.Equal((0, 0L, 0L), (_receiver.Requests, log.UplinkCursor, log.PendingUplinkRecords));
        Assert.Equal(100, log.Count);
    }

    [Fact]
    public async Task Export_Records_CarryEveryFieldHeadersAndResource()
    {
        var log = OpenLog();
        var time = _time.GetUtcNow();
        var id = log.Append(Record("set the temperature to 21") with { Seat = "passenger", Outcome = "done", TotalMs = 42.5, AudioMs = 900 });
        log.Label(id, correct: true, "eval");
        await StartUplinkAsync(log);

        await UntilAsync(() => _receiver.Records.Count == 1);

        var record = Assert.Single(_receiver.Records);
        var attributes = record.Attributes.ToDictionary(attribute => attribute.Key, attribute => attribute.Value);
        Assert.Equal(OtlpLogMapping.EventName, record.EventName);
        Assert.Equal((id, "passenger", "en", "done", "correct", "eval"), (attributes["cockpit.id"].IntValue, attributes["cockpit.seat"].StringValue,
            attributes["cockpit.language"].StringValue, attributes["cockpit.outcome"].StringValue, attributes["cockpit.label"].StringValue,
            attributes["cockpit.label_source"].StringValue));
        Assert.Equal((42.5, 900.0), (attributes["cockpit.total_ms"].DoubleValue, attributes["cockpit.audio_ms"].DoubleValue));
        Assert.Equal((ulong)(time - DateTimeOffset.UnixEpoch).Ticks * 100, record.TimeUnixNano);
        Assert.Equal("Bearer fleet-token", _receiver.LastAuthorization);
        Assert.Equal(("cockpit-agent", "VIN123"), (_receiver.LastResource["service.name"], _receiver.LastResource["vehicle.id"]));
    }

    [Fact]
    public async Task Export_OverGrpc_EveryRecordArrives()
    {
        await using var receiver = await OtlpReceiver.StartAsync(grpc: true);
        var log = OpenLog();
        var ids = Append(log, 30);
        receiver.FailNext(1);

        await StartUplinkAsync(log, configure: uplink => (uplink.Protocol, uplink.Endpoint) = (UplinkProtocol.Grpc, receiver.Endpoint));
        await UntilAsync(() => log.UplinkCursor == ids[^1]);

        Assert.Equal(ids, receiver.Acknowledged.Order());
        Assert.Equal("Bearer fleet-token", receiver.LastAuthorization);
    }

    [Fact]
    public void Append_QueueOverItsBound_GivesUpTheOldestWaitingAndCountsThem()
    {
        using var dropped = new DroppedCounter(_services.GetRequiredService<IMeterFactory>());
        var log = OpenLog(configure: uplink => uplink.MaxQueueRecords = 50);

        var ids = Append(log, 120);

        Assert.Equal((50L, ids[69], 70L), (log.PendingUplinkRecords, log.UplinkCursor, dropped.Total));
        var bytes = OpenLog(configure: uplink => uplink.MaxQueueBytes = 4096);
        Assert.Equal(ids[^1], bytes.UplinkCursor + bytes.PendingUplinkRecords);
        Assert.InRange(bytes.PendingUplinkBytes, 1, 4096);
    }

    [Fact]
    public void Cap_UplinkOn_GivesUpTheOldestWaitingRecordsAndMovesTheCursorPastThem()
    {
        var log = OpenLog(maxRecords: 100);
        var ids = Append(log, 250);

        var kept = log.ReadAll();

        Assert.InRange(log.Count, 1, 100);
        Assert.Equal(ids[^1], kept[^1].Id);
        Assert.Equal(kept[0].Id - 1, log.UplinkCursor);
        Assert.Equal(log.Count, log.PendingUplinkRecords);
    }

    [Theory]
    [InlineData(true, null, false)]
    [InlineData(true, "ftp://fleet.example.com", false)]
    [InlineData(true, "https://fleet.example.com/v1/logs", true)]
    [InlineData(false, null, true)]
    public void Validate_UplinkOptions_EndpointRequiredWhenEnabled(bool enabled, string? endpoint, bool valid)
    {
        var options = new AgentOptions { Uplink = { Enabled = enabled, Endpoint = endpoint is null ? null : new Uri(endpoint) } };

        var result = new AgentOptionsValidator().Validate(null, options);

        Assert.Equal(valid, result.Succeeded);
    }

    [Fact]
    public void Validate_BackoffMinAboveMax_Fails()
    {
        var options = new AgentOptions { Uplink = { RetryBackoffMin = TimeSpan.FromMinutes(10), BatchSize = 0 } };

        var result = new AgentOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("RetryBackoffMin", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("BatchSize", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Delay_ConsecutiveFailures_DoublesWithJitterUpToTheMaximum()
    {
        var (min, max) = (TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));

        var lowest = Enumerable.Range(1, 8).Select(failures => UplinkBackoff.Delay(failures, min, max, 0.0)).ToArray();
        var highest = Enumerable.Range(1, 8).Select(failures => UplinkBackoff.Delay(failures, min, max, 0.999)).ToArray();

        Assert.Equal([1, 1, 2, 4, 8, 15, 15, 15], lowest.Select(delay => (int)delay.TotalSeconds));
        Assert.Equal([1, 1, 3, 7, 15, 29, 29, 29], highest.Select(delay => (int)delay.TotalSeconds));
        Assert.Equal(TimeSpan.FromSeconds(20), UplinkBackoff.Delay(1, min, max, 0.5, retryAfter: TimeSpan.FromSeconds(20)));
        Assert.Equal(max, UplinkBackoff.Delay(1, min, max, 0.5, retryAfter: TimeSpan.FromHours(1)));
    }

    private InteractionLog OpenLog(bool enabled = true, int maxRecords = 100_000, Action<UplinkOptions>? configure = null)
    {
        var options = Options(enabled, maxRecords, configure);
        var log = new InteractionLog(options, _time, NullLogger<InteractionLog>.Instance, new AgentMetrics(_services.GetRequiredService<IMeterFactory>()));
        _open.Add(log);
        return log;
    }

    private IOptions<AgentOptions> Options(bool enabled, int maxRecords, Action<UplinkOptions>? configure)
    {
        var options = new AgentOptions
        {
            DataDirectory = _directory,
            MaxInteractionRecords = maxRecords,
            FeedbackWindow = TimeSpan.Zero,
            Uplink =
            {
                Enabled = enabled,
                Endpoint = _receiver.Endpoint,
                Headers = { ["Authorization"] = "Bearer fleet-token" },
                ResourceAttributes = { ["vehicle.id"] = "VIN123" },
                BatchSize = 50,
                RetryBackoffMin = TimeSpan.FromMilliseconds(100),
                RetryBackoffMax = TimeSpan.FromSeconds(1),
                PollInterval = TimeSpan.FromSeconds(1),
                ExportTimeout = TimeSpan.FromSeconds(10),
            },
        };
        configure?.Invoke(options.Uplink);
        return Microsoft.Extensions.Options.Options.Create(options);
    }

    private async Task<UplinkService> StartUplinkAsync(InteractionLog log, bool enabled = true, Action<UplinkOptions>? configure = null)
    {
        var uplink = new UplinkService(log, Options(enabled, 100_000, configure), new AgentMetrics(_services.GetRequiredService<IMeterFactory>()), _time,
            NullLogger<UplinkService>.Instance);
        _open.Add(uplink);
        await uplink.StartAsync(CancellationToken.None);
        return uplink;
    }

    /// <summary>Moves simulated time (backoff, polling) on until <paramref name="condition"/> holds; fails after 20 s of real time.</summary>
    private async Task UntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 20 s");
            _time.Advance(TimeSpan.FromMilliseconds(250));
            await Task.Delay(5);
        }
    }

    private async Task AdvanceAsync(TimeSpan span)
    {
        for (var step = TimeSpan.Zero; step < span; step += TimeSpan.FromMilliseconds(250))
        {
            _time.Advance(TimeSpan.FromMilliseconds(250));
            await Task.Delay(2);
        }
    }

    private static List<long> Append(InteractionLog log, int count) =>
        [.. Enumerable.Range(0, count).Select(index => log.Append(Record($"utterance {index}")))];

    private static InteractionRecord Record(string text) => new()
    {
        ConversationId = "c1",
        Language = "en",
        Transcript = text,
        Outcome = "done",
        Domain = "climate",
        Reply = new string('x', 200),
        TotalMs = 3,
    };

    /// <summary>Sums <c>cockpit.uplink.dropped</c> of this test's meter factory.</summary>
    private sealed class DroppedCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _total;

        public DroppedCounter(IMeterFactory factory)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Scope == factory && instrument.Name == "cockpit.uplink.dropped")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _total, value));
            _listener.Start();
        }

        public long Total => Interlocked.Read(ref _total);

        public void Dispose() => _listener.Dispose();
    }
}
