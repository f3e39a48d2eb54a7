using System.Text;

namespace Cockpit.Agent.Interactions;

/// <summary>
/// The uplink's queue: the records after the cursor in <c>uplink_cursor</c>. The cursor moves only when the backend
/// acknowledged a batch (<see cref="AcknowledgeUplink"/>) or when the queue's bound gives up its oldest records, and
/// it moves in the same transaction that marks those records exported, so the size cap can never delete a record
/// still waiting and a crash can only make the uplink send a batch again.
/// </summary>
internal sealed partial class InteractionLog
{
    /// <summary>A record's size in the queue: its text in UTF-8 and 128 bytes for the rest (see <see cref="UplinkOptions.MaxQueueBytes"/>).</summary>
    private const string QueueSizeSql =
        "128 + length(CAST(conversation_id AS BLOB)) + length(CAST(transcript AS BLOB)) + length(CAST(model_output AS BLOB)) + " +
        "length(CAST(actions AS BLOB)) + length(CAST(reply AS BLOB))";

    private readonly UplinkOptions _uplink;
    private long _cursor;
    private long _pendingRecords;
    private long _pendingBytes;
    private bool _queueFullReported;

    /// <summary>The id of the last record the uplink is done with (acknowledged or given up); 0 at first.</summary>
    public long UplinkCursor
    {
        get
        {
            lock (_gate)
            {
                return Scalar("SELECT last_id FROM uplink_cursor");
            }
        }
    }

    /// <summary>Records waiting for the uplink (0 when it is off).</summary>
    public long PendingUplinkRecords => Volatile.Read(ref _pendingRecords);

    /// <summary>Their size as <see cref="UplinkOptions.MaxQueueBytes"/> counts it.</summary>
    public long PendingUplinkBytes => Volatile.Read(ref _pendingBytes);

    /// <summary>
    /// The oldest records after the cursor, at most <paramref name="max"/>, stopping at the first one newer than
    /// <paramref name="settledBefore"/> (its feedback label may still change).
    /// </summary>
    public IReadOnlyList<InteractionRecord> ReadForUplink(int max, DateTimeOffset settledBefore)
    {
        var records = new List<InteractionRecord>(Math.Min(max, 1024));
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = $"SELECT id, {Columns} FROM interactions WHERE id > (SELECT last_id FROM uplink_cursor) ORDER BY id LIMIT $max";
            command.Parameters.AddWithValue("$max", max);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var record = ReadRecord(reader);
                if (record.Time > settledBefore || record.Outcome == InteractionRecord.PendingOutcome)
                {
                    break;
                }

                records.Add(record);
            }
        }

        return records;
    }

    /// <summary>The backend acknowledged every record up to <paramref name="upToId"/>: they are exported and leave the queue.</summary>
    public void AcknowledgeUplink(long upToId)
    {
        lock (_gate)
        {
            SyncCursor();
            if (upToId <= _cursor)
            {
                return;
            }

            var (records, bytes) = Measure(_cursor, upToId);
            Advance(upToId);
            _pendingRecords -= records;
            _pendingBytes -= bytes;
            _queueFullReported = false;
            EnforceCap();
        }
    }

    private static long QueueSize(InteractionRecord record) =>
        128 + Encoding.UTF8.GetByteCount(record.ConversationId) + Encoding.UTF8.GetByteCount(record.Transcript)
        + Encoding.UTF8.GetByteCount(record.ModelOutput) + Encoding.UTF8.GetByteCount(record.Actions) + Encoding.UTF8.GetByteCount(record.Reply);

    /// <summary>Gives up the oldest waiting records while the queue is over its bound.</summary>
    private void EnforceQueueBound()
    {
        if (_pendingRecords <= _uplink.MaxQueueRecords && _pendingBytes <= _uplink.MaxQueueBytes)
        {
            return;
        }

        SyncCursor();
        var (records, bytes, dropTo) = (_pendingRecords, _pendingBytes, _cursor);
        while (records > _uplink.MaxQueueRecords || bytes > _uplink.MaxQueueBytes)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = $"SELECT id, {QueueSizeSql} FROM interactions WHERE id > $after ORDER BY id LIMIT 256";
            command.Parameters.AddWithValue("$after", dropTo);
            using var reader = command.ExecuteReader();
            var any = false;
            while ((records > _uplink.MaxQueueRecords || bytes > _uplink.MaxQueueBytes) && reader.Read())
            {
                any = true;
                dropTo = reader.GetInt64(0);
                records--;
                bytes -= reader.GetInt64(1);
            }

            if (!any)
            {
                (records, bytes) = (0, 0);
            }
        }

        var dropped = _pendingRecords - records;
        Advance(dropTo);
        (_pendingRecords, _pendingBytes) = (records, bytes);
        _metrics?.Dropped(dropped);
        if (!_queueFullReported)
        {
            _queueFullReported = true;
            Log.UplinkQueueFull(_logger, _uplink.MaxQueueRecords, _uplink.MaxQueueBytes, dropped);
        }
    }

    /// <summary>Moves the cursor and marks the records it passes exported, in one transaction.</summary>
    private void Advance(long toId)
    {
        using var transaction = _connection.BeginTransaction();
        using (var mark = _connection.CreateCommand())
        {
            mark.Transaction = transaction;
            mark.CommandText = "UPDATE interactions SET exported = 1 WHERE id > $from AND id <= $to AND exported = 0; UPDATE uplink_cursor SET last_id = $to WHERE id = 1 AND last_id < $to;";
            mark.Parameters.AddWithValue("$from", _cursor);
            mark.Parameters.AddWithValue("$to", toId);
            mark.ExecuteNonQuery();
        }

        transaction.Commit();
        _cursor = Math.Max(_cursor, toId);
    }

    /// <summary>Another process (e.g. <c>report</c>) may have moved the cursor: then the counts are taken again.</summary>
    private void SyncCursor()
    {
        if (Scalar("SELECT last_id FROM uplink_cursor") != _cursor)
        {
            RecountPending();
        }
    }

    private void RecountPending()
    {
        _cursor = Scalar("SELECT last_id FROM uplink_cursor");
        (_pendingRecords, _pendingBytes) = Measure(_cursor, long.MaxValue);
    }

    /// <summary>Count and queue size of the records in (<paramref name="afterId"/>, <paramref name="upToId"/>].</summary>
    private (long Records, long Bytes) Measure(long afterId, long upToId)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*), COALESCE(SUM({QueueSizeSql}), 0) FROM interactions WHERE id > $after AND id <= $to";
        command.Parameters.AddWithValue("$after", afterId);
        command.Parameters.AddWithValue("$to", upToId);
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
