using Cockpit.Agent.Conversations;
using Cockpit.Agent.Interactions;
using Cockpit.Understanding;
using Cockpit.Understanding.Resolution;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Cockpit.Agent.Tests.Interactions;

public sealed class InteractionLogTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cockpit-log-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Append_ThenReopen_RecordSurvivesInWalMode()
    {
        long id;
        using (var log = Open())
        {
            id = log.Append(Record("打开空调", "zh", "done", "climate"));
        }

        using var reopened = Open();
        var record = Assert.Single(reopened.ReadAll());
        Assert.Equal((id, "打开空调", "zh", "done", _time.GetUtcNow()), (record.Id, record.Transcript, record.Language, record.Outcome, record.Time));
        Assert.True(File.Exists(reopened.Path + "-wal") || File.Exists(reopened.Path));
    }

    [Fact]
    public void Append_BeyondCap_NeverMoreThanTheCapOldestGoFirst()
    {
        using var log = Open(maxRecords: 100);

        var counts = new List<long>();
        for (var index = 0; index < 250; index++)
        {
            log.Append(Record($"utterance {index}", "en", "done", "climate"));
            counts.Add(log.Count);
        }

        Assert.All(counts, count => Assert.InRange(count, 1, 100));
        Assert.Equal("utterance 249", log.ReadAll()[^1].Transcript);
        Assert.Equal(log.Count, log.ReadAll().Count);
    }

    [Fact]
    public void Append_OneOverCap_DeletesAHundredthOfTheOldest()
    {
        using var log = Open(maxRecords: 100);
        for (var index = 0; index < 100; index++)
        {
            log.Append(Record($"utterance {index}", "en", "done", "climate"));
        }

        log.MarkExported(50);
        log.Append(Record("one more", "en", "done", "climate"));

        var kept = log.ReadAll();
        Assert.Equal(99, kept.Count);
        Assert.Equal((3L, "one more"), (kept[0].Id, kept[^1].Transcript));
    }

    [Fact]
    public void Begin_ThenTheAgentStops_TheIntentIsKeptAsInterrupted()
    {
        long id;
        using (var log = Open())
        {
            id = log.Begin(Record("open the trunk", "en", InteractionRecord.PendingOutcome, "trunk") with { ModelOutput = "trunk.open()" });
        }

        using var reopened = Open();
        var record = Assert.Single(reopened.ReadAll());

        Assert.Equal((id, "open the trunk", "trunk.open()", InteractionRecord.InterruptedOutcome), (record.Id, record.Transcript, record.ModelOutput, record.Outcome));
    }

    [Fact]
    public void BeginThenComplete_OneRecordWithTheTurnsOutcome()
    {
        using var log = Open();

        var id = log.Begin(Record("open the trunk", "en", InteractionRecord.PendingOutcome, "trunk"));
        var completed = log.Complete(id, Record("open the trunk", "en", "done", "trunk"));

        Assert.Equal(id, completed);
        Assert.Equal("done", Assert.Single(log.ReadAll()).Outcome);
    }

    [Theory]
    [InlineData("不对", true)]
    [InlineData("that's wrong", true)]
    [InlineData("把温度调高一点", false)]
    [InlineData("turn on the fog lights", false)]
    public void IsCorrection_Utterance_Recognised(string text, bool expected) =>
        Assert.Equal(expected, FeedbackTracker.IsCorrection(text));

    [Fact]
    public void Observe_CorrectionWithinWindow_LabelsPreviousTurnIncorrect()
    {
        using var log = Open();
        var tracker = new FeedbackTracker(log, Options.Create(new AgentOptions()), _time);
        var first = Turn(log, tracker, "set the temperature to 26", "Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature", value: 26f, before: 22f);
        _time.Advance(TimeSpan.FromSeconds(4));

        Turn(log, tracker, "that's wrong", null);

        Assert.Equal("incorrect", log.ReadAll().Single(record => record.Id == first).Label);
    }

    [Fact]
    public void Observe_UndoWithinWindow_LabelsPreviousIncorrect_ButAFurtherAdjustmentDoesNot()
    {
        using var log = Open();
        var tracker = new FeedbackTracker(log, Options.Create(new AgentOptions()), _time);
        const string Temperature = "Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature";
        var set = Turn(log, tracker, "set the temperature to 21", Temperature, value: 21f, before: 24f);
        _time.Advance(TimeSpan.FromSeconds(3));
        var warmer = Turn(log, tracker, "a bit warmer", Temperature, value: 22f, before: 21f);
        _time.Advance(TimeSpan.FromSeconds(3));

        Turn(log, tracker, "no, put it back", Temperature, value: 21f, before: 22f);

        var records = log.ReadAll();
        Assert.Null(records.Single(record => record.Id == set).Label);
        Assert.Equal("incorrect", records.Single(record => record.Id == warmer).Label);
    }

    [Fact]
    public void Observe_AfterTheWindow_NoLabel()
    {
        using var log = Open();
        var tracker = new FeedbackTracker(log, Options.Create(new AgentOptions()), _time);
        var first = Turn(log, tracker, "open the window", "Vehicle.Cabin.Door.Row1.DriverSide.Window.Position", value: 100, before: 0);
        _time.Advance(TimeSpan.FromSeconds(30));

        Turn(log, tracker, "that's wrong", null);

        Assert.Null(log.ReadAll().Single(record => record.Id == first).Label);
    }

    [Fact]
    public void Label_FeedbackAfterEval_KeepsGroundTruth()
    {
        using var log = Open();
        var id = log.Append(Record("set the temperature to 21", "en", "done", "climate"));

        log.Label(id, correct: true, "eval");
        log.Label(id, correct: false, "feedback");

        Assert.Equal(("correct", "eval"), (log.ReadAll()[0].Label, log.ReadAll()[0].LabelSource));
    }

    [Fact]
    public void Report_LabelledRecords_AccuracyPerDomainAndLanguage()
    {
        using var log = Open();
        log.Label(log.Append(Record("打开空调", "zh", "done", "climate")), correct: true, "eval");
        log.Label(log.Append(Record("打开天窗", "zh", "done", "sunroof")), correct: false, "eval");
        log.Label(log.Append(Record("turn on the AC", "en", "done", "climate")), correct: true, "eval");
        log.Append(Record("hello there", "en", "not_understood", ""));

        var report = AccuracyReport.From(log.ReadAll());
        var html = AccuracyReportWriter.ToHtml(report, _time.GetUtcNow());
        var text = AccuracyReportWriter.ToText(report);

        Assert.Equal((4, 3, 2), (report.Interactions, report.Labelled, report.Overall.Correct));
        Assert.Equal(1.0, report.ByDomain["climate"].Accuracy);
        Assert.Equal(0.5, report.ByLanguage["zh"].Accuracy);
        Assert.Equal("打开天窗", Assert.Single(report.Worst).Transcript);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("Execution accuracy: 66.7 % (2/3)", text, StringComparison.Ordinal);
    }

    private InteractionLog Open(int maxRecords = 100_000) =>
        new(Options.Create(new AgentOptions { DataDirectory = _directory, MaxInteractionRecords = maxRecords }), _time, NullLogger<InteractionLog>.Instance);

    private static InteractionRecord Record(string text, string language, string outcome, string domain) => new()
    {
        ConversationId = "c1",
        Language = language,
        Transcript = text,
        Outcome = outcome,
        Domain = domain,
        TotalMs = 3,
    };

    private static long Turn(InteractionLog log, FeedbackTracker tracker, string text, string? path, object? value = null, object? before = null)
    {
        var id = log.Append(Record(text, "en", "done", "climate"));
        var targets = path is null ? Array.Empty<VssTarget>() : [new VssTarget(path, value ?? 1)];
        var result = new TurnResult
        {
            ConversationId = "c1",
            Text = text,
            Language = "en",
            Outcome = TurnOutcome.Done,
            Reply = "",
            InteractionId = id,
            Actions = [new ActionOutcome("climate.temperature", "call", targets, ActionStatus.Accepted, null)],
            PreviousValues = path is null ? new Dictionary<string, object?>() : new Dictionary<string, object?> { [path] = before },
        };
        tracker.Observe(new TurnRequest(text, "en", Seat.Driver, "c1"), result);
        return id;
    }
}
