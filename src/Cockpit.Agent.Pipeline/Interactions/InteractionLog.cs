using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cockpit.Agent.Interactions;

/// <summary>
/// The durable log of every interaction: SQLite in WAL mode, so a crash mid-write loses at most the
/// record being written and never corrupts the others. Each record is also written as a structured
/// log event. See docs/formats/interaction-log.md.
/// <para>
/// With the uplink on (<c>Agent:Uplink:Enabled</c>) the log is also the uplink's queue: the records after the cursor
/// in <c>uplink_cursor</c> wait for export, and the queue's own bound
/// (<see cref="UplinkOptions.MaxQueueRecords"/>, <see cref="UplinkOptions.MaxQueueBytes"/>) gives up
/// the oldest of them when it is exceeded. The size cap deletes exported records first and never lets the log grow
/// past it.
/// </para>
/// <para>
/// A turn that may change the car writes its intent first (<see cref="Begin"/>) and completes the same record after
/// (<see cref="Complete"/>), so a change of the car is never without a record.
/// </para>
/// </summary>
internal sealed partial class InteractionLog : IDisposable
{
    private const string Columns =
        "time, conversation_id, seat, language, source, audio_ms, transcript, asr_confidence, model_output, model_confidence, " +
        "actions, outcome, reply, understanding_ms, execution_ms, total_ms, label, label_source, domain";

    private const string Parameters =
        "$time, $conversation, $seat, $language, $source, $audio, $transcript, $asr, $model, $confidence, " +
        "$actions, $outcome, $reply, $understanding, $execution, $total, $label, $labelSource, $domain";

    private readonly Lock _gate = new();
    private readonly SqliteConnection _connection;
    private readonly int _maxRecords;
    private long _count;
    private bool _overCapReported;
    private readonly TimeProvider _time;
    private readonly ILogger<InteractionLog> _logger;
    private readonly AgentMetrics? _metrics;

    public InteractionLog(IOptions<AgentOptions> options, TimeProvider time, ILogger<InteractionLog> logger, AgentMetrics? metrics = null)
    {
        _time = time;
        _logger = logger;
        _metrics = metrics;
        _maxRecords = options.Value.MaxInteractionRecords;
        _uplink = options.Value.Uplink;
        var directory = options.Value.ResolvedDataDirectory;
        Directory.CreateDirectory(directory);
        Path = System.IO.Path.Combine(directory, "interactions.db");
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString());
        _connection.Open();
        Execute("""
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            CREATE TABLE IF NOT EXISTS interactions (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                time TEXT NOT NULL, conversation_id TEXT NOT NULL, seat TEXT NOT NULL, language TEXT NOT NULL,
                source TEXT NOT NULL, audio_ms REAL, transcript TEXT NOT NULL, asr_confidence REAL,
                model_output TEXT NOT NULL, model_confidence REAL NOT NULL, actions TEXT NOT NULL, outcome TEXT NOT NULL,
                reply TEXT NOT NULL, understanding_ms REAL NOT NULL, execution_ms REAL NOT NULL, total_ms REAL NOT NULL,
                label TEXT, label_source TEXT, domain TEXT NOT NULL DEFAULT '', exported INTEGER NOT NULL DEFAULT 0);
            CREATE INDEX IF NOT EXISTS interactions_time ON interactions(time);
            CREATE TABLE IF NOT EXISTS uplink_cursor (id INTEGER PRIMARY KEY CHECK (id = 1), last_id INTEGER NOT NULL);
            INSERT OR IGNORE INTO uplink_cursor (id, last_id) VALUES (1, 0);
            """);
        // A turn still pending was cut off (a crash, a kill) after it wrote its intent: the car may have changed.
        Execute($"UPDATE interactions SET outcome = '{InteractionRecord.InterruptedOutcome}' WHERE outcome = '{InteractionRecord.PendingOutcome}'");
        _count = Scalar("SELECT COUNT(*) FROM interactions");
        if (_uplink.Enabled)
        {
            lock (_gate)
            {
                RecountPending();
                EnforceQueueBound();
            }

            _metrics?.ObservePending(() => Volatile.Read(ref _pendingRecords));
        }
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>Appends a record (its time is now) and returns its id.</summary>
    public long Append(InteractionRecord record)
    {
        record = record with { Time = _time.GetUtcNow() };
        long id;
        lock (_gate)
        {
            id = Write(record, existingId: null);
            OnAdded(record);
        }

        Completed(id, record);
        return id;
    }

    /// <summary>Writes the intent of a turn that may change the car (<see cref="InteractionRecord.Pending"/>) and returns its id.</summary>
    public long Begin(InteractionRecord pending)
    {
        lock (_gate)
        {
            var id = Write(pending with { Time = _time.GetUtcNow() }, existingId: null);
            EnforceCap();
            return id;
        }
    }

    /// <summary>Replaces the pending record <paramref name="id"/> with the finished turn (its time stays the turn's start) and returns the id.</summary>
    public long Complete(long id, InteractionRecord record)
    {
        lock (_gate)
        {
            record = record with { Time = _time.GetUtcNow() };
            Write(record, id);
            OnAdded(record);
        }

        Completed(id, record);
        return id;
    }

    private long Write(InteractionRecord record, long? existingId)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = existingId is null
            ? $"INSERT INTO interactions ({Columns}) VALUES ({Parameters}); SELECT last_insert_rowid();"
            : $"UPDATE interactions SET ({Columns}) = ({Parameters}) WHERE id = $id; SELECT $id;";
        command.Parameters.AddWithValue("$id", existingId ?? 0);
        command.Parameters.AddWithValue("$time", record.Time.ToString("O"));
        command.Parameters.AddWithValue("$conversation", record.ConversationId);
        command.Parameters.AddWithValue("$seat", record.Seat);
        command.Parameters.AddWithValue("$language", record.Language);
        command.Parameters.AddWithValue("$source", record.Source);
        command.Parameters.AddWithValue("$audio", (object?)record.AudioMs ?? DBNull.Value);
        command.Parameters.AddWithValue("$transcript", record.Transcript);
        command.Parameters.AddWithValue("$asr", (object?)record.AsrConfidence ?? DBNull.Value);
        command.Parameters.AddWithValue("$model", record.ModelOutput);
        command.Parameters.AddWithValue("$confidence", record.ModelConfidence);
        command.Parameters.AddWithValue("$actions", record.Actions);
        command.Parameters.AddWithValue("$outcome", record.Outcome);
        command.Parameters.AddWithValue("$reply", record.Reply);
        command.Parameters.AddWithValue("$understanding", record.UnderstandingMs);
        command.Parameters.AddWithValue("$execution", record.ExecutionMs);
        command.Parameters.AddWithValue("$total", record.TotalMs);
        command.Parameters.AddWithValue("$label", (object?)record.Label ?? DBNull.Value);
        command.Parameters.AddWithValue("$labelSource", (object?)record.LabelSource ?? DBNull.Value);
        command.Parameters.AddWithValue("$domain", record.Domain);
        var id = (long)command.ExecuteScalar()!;
        if (existingId is null)
        {
            _count++;
        }

        return id;
    }

    /// <summary>A finished record joins the uplink's queue.</summary>
    private void OnAdded(InteractionRecord record)
    {
        if (_uplink.Enabled)
        {
            _pendingRecords++;
            _pendingBytes += QueueSize(record);
            EnforceQueueBound();
        }

        EnforceCap();
    }

    private void Completed(long id, InteractionRecord record)
    {
        _metrics?.TurnCompleted(record.Outcome, record.Language, record.TotalMs);
        Log.Interaction(_logger, id, record.ConversationId, record.Seat, record.Language, record.Transcript, record.ModelOutput, record.Outcome, record.Actions, record.TotalMs);
    }

    /// <summary>
    /// Records whether an interaction was right (ground truth or the occupant's feedback). Feedback never
    /// overwrites a ground-truth label from an eval run.
    /// </summary>
    public void Label(long id, bool correct, string source)
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "UPDATE interactions SET label = $label, label_source = $source WHERE id = $id AND ($source = 'eval' OR label_source IS NULL OR label_source <> 'eval')";
            command.Parameters.AddWithValue("$label", correct ? "correct" : "incorrect");
            command.Parameters.AddWithValue("$source", source);
            command.Parameters.AddWithValue("$id", id);
            command.ExecuteNonQuery();
        }
    }

    /// <summary>Every record, oldest first.</summary>
    public IReadOnlyList<InteractionRecord> ReadAll()
    {
        var records = new List<InteractionRecord>();
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = $"SELECT id, {Columns} FROM interactions ORDER BY id";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                records.Add(ReadRecord(reader));
            }
        }

        return records;
    }

    /// <summary>Marks records as reported or exported: from now on the size cap may delete them.</summary>
    public void MarkExported(long upToId)
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "UPDATE interactions SET exported = 1 WHERE id <= $id AND exported = 0";
            command.Parameters.AddWithValue("$id", upToId);
            command.ExecuteNonQuery();
            EnforceCap();
        }
    }

    /// <summary>Number of records kept.</summary>
    public long Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    public void Dispose()
    {
        // Under the gate: an uplink export still finishing may hold a transaction on the connection.
        lock (_gate)
        {
            _connection.Dispose();
        }
    }

    /// <summary>
    /// Keeps at most <see cref="AgentOptions.MaxInteractionRecords"/>: the oldest exported (or reported) records go first;
    /// if that is not enough, the oldest others too. With the uplink on, a waiting record given up that way counts as
    /// dropped by the uplink, as its own queue bound would.
    /// </summary>
    private void EnforceCap()
    {
        var excess = _count - _maxRecords;
        if (excess <= 0)
        {
            return;
        }

        // Deleting a hundredth of the cap at a time keeps the deletes rare.
        excess += _maxRecords / 100;

        using (var exported = _connection.CreateCommand())
        {
            exported.CommandText = _uplink.Enabled
                ? "DELETE FROM interactions WHERE id IN (SELECT id FROM interactions WHERE exported = 1 AND id <= (SELECT last_id FROM uplink_cursor) ORDER BY id LIMIT $excess)"
                : "DELETE FROM interactions WHERE id IN (SELECT id FROM interactions WHERE exported = 1 ORDER BY id LIMIT $excess)";
            exported.Parameters.AddWithValue("$excess", excess);
            var deletedExported = exported.ExecuteNonQuery();
            excess -= deletedExported;
            _count -= deletedExported;
        }

        if (excess <= 0)
        {
            return;
        }

        if (_uplink.Enabled)
        {
            SyncCursor();
            var lastGivenUp = Scalar($"SELECT COALESCE(MAX(id), 0) FROM (SELECT id FROM interactions WHERE id > {_cursor} ORDER BY id LIMIT {excess})");
            var waiting = _pendingRecords;
            Advance(lastGivenUp);
            RecountPending();
            _metrics?.Dropped(Math.Max(0, waiting - _pendingRecords));
        }

        using var oldest = _connection.CreateCommand();
        oldest.CommandText = "DELETE FROM interactions WHERE id IN (SELECT id FROM interactions ORDER BY id LIMIT $excess)";
        oldest.Parameters.AddWithValue("$excess", excess);
        var deleted = oldest.ExecuteNonQuery();
        _count -= deleted;
        if (!_overCapReported)
        {
            _overCapReported = true;
            Log.InteractionLogOverCap(_logger, _maxRecords, deleted);
        }
    }

    private static InteractionRecord ReadRecord(SqliteDataReader reader) => new()
    {
        Id = reader.GetInt64(0),
        Time = DateTimeOffset.Parse(reader.GetString(1), System.Globalization.CultureInfo.InvariantCulture),
        ConversationId = reader.GetString(2),
        Seat = reader.GetString(3),
        Language = reader.GetString(4),
        Source = reader.GetString(5),
        AudioMs = reader.IsDBNull(6) ? null : reader.GetDouble(6),
        Transcript = reader.GetString(7),
        AsrConfidence = reader.IsDBNull(8) ? null : reader.GetDouble(8),
        ModelOutput = reader.GetString(9),
        ModelConfidence = reader.GetDouble(10),
        Actions = reader.GetString(11),
        Outcome = reader.GetString(12),
        Reply = reader.GetString(13),
        UnderstandingMs = reader.GetDouble(14),
        ExecutionMs = reader.GetDouble(15),
        TotalMs = reader.GetDouble(16),
        Label = reader.IsDBNull(17) ? null : reader.GetString(17),
        LabelSource = reader.IsDBNull(18) ? null : reader.GetString(18),
        Domain = reader.GetString(19),
    };

    private long Scalar(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
