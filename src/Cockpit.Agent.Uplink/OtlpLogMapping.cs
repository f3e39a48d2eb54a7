using System.Reflection;
using Cockpit.Agent.Interactions;
using OpenTelemetry.Proto.Collector.Logs.V1;
using OpenTelemetry.Proto.Common.V1;
using OpenTelemetry.Proto.Logs.V1;
using OpenTelemetry.Proto.Resource.V1;

namespace Cockpit.Agent.Uplink;

/// <summary>
/// Interaction records as OTLP log records: one <c>LogRecord</c> per interaction, event name
/// <c>cockpit.interaction</c>, body the transcript, time the turn's time, and one attribute per column of the
/// interactions table named <c>cockpit.&lt;column&gt;</c> (<c>cockpit.id</c> lets the backend drop the duplicates
/// that at-least-once delivery allows). Absent values (no audio, no label) are left out.
/// </summary>
internal static class OtlpLogMapping
{
    /// <summary>The event name of every record.</summary>
    public const string EventName = "cockpit.interaction";

    private static readonly string Version =
        typeof(OtlpLogMapping).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";

    /// <summary>The resource: <c>service.name</c> cockpit-agent, <c>service.version</c>, <c>host.name</c>, then the configured attributes.</summary>
    public static Resource Resource(IReadOnlyDictionary<string, string> extra)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["service.name"] = "cockpit-agent",
            ["service.version"] = Version,
            ["host.name"] = Environment.MachineName,
        };
        foreach (var (key, value) in extra)
        {
            attributes[key] = value;
        }

        var resource = new Resource();
        resource.Attributes.AddRange(attributes.Select(pair => Attribute(pair.Key, pair.Value)));
        return resource;
    }

    /// <summary>One export request holding <paramref name="records"/>, oldest first.</summary>
    public static ExportLogsServiceRequest ToRequest(IReadOnlyList<InteractionRecord> records, Resource resource, DateTimeOffset observed)
    {
        var scope = new ScopeLogs { Scope = new InstrumentationScope { Name = "Cockpit.Agent.Uplink", Version = Version } };
        var observedNanos = UnixNanos(observed);
        foreach (var record in records)
        {
            scope.LogRecords.Add(ToLogRecord(record, observedNanos));
        }

        var request = new ExportLogsServiceRequest();
        request.ResourceLogs.Add(new ResourceLogs { Resource = resource, ScopeLogs = { scope } });
        return request;
    }

    private static LogRecord ToLogRecord(InteractionRecord record, ulong observedNanos)
    {
        var log = new LogRecord
        {
            TimeUnixNano = UnixNanos(record.Time),
            ObservedTimeUnixNano = observedNanos,
            SeverityNumber = SeverityNumber.Info,
            SeverityText = "INFO",
            EventName = EventName,
            Body = new AnyValue { StringValue = record.Transcript },
        };
        var attributes = log.Attributes;
        attributes.Add(Attribute("cockpit.id", record.Id));
        attributes.Add(Attribute("cockpit.conversation_id", record.ConversationId));
        attributes.Add(Attribute("cockpit.seat", record.Seat));
        attributes.Add(Attribute("cockpit.language", record.Language));
        attributes.Add(Attribute("cockpit.source", record.Source));
        AddIfPresent(attributes, "cockpit.audio_ms", record.AudioMs);
        attributes.Add(Attribute("cockpit.transcript", record.Transcript));
        AddIfPresent(attributes, "cockpit.asr_confidence", record.AsrConfidence);
        attributes.Add(Attribute("cockpit.model_output", record.ModelOutput));
        attributes.Add(Attribute("cockpit.model_confidence", record.ModelConfidence));
        attributes.Add(Attribute("cockpit.actions", record.Actions));
        attributes.Add(Attribute("cockpit.outcome", record.Outcome));
        attributes.Add(Attribute("cockpit.reply", record.Reply));
        attributes.Add(Attribute("cockpit.understanding_ms", record.UnderstandingMs));
        attributes.Add(Attribute("cockpit.execution_ms", record.ExecutionMs));
        attributes.Add(Attribute("cockpit.total_ms", record.TotalMs));
        if (record.Label is not null)
        {
            attributes.Add(Attribute("cockpit.label", record.Label));
        }

        if (record.LabelSource is not null)
        {
            attributes.Add(Attribute("cockpit.label_source", record.LabelSource));
        }

        attributes.Add(Attribute("cockpit.domain", record.Domain));
        return log;
    }

    private static void AddIfPresent(Google.Protobuf.Collections.RepeatedField<KeyValue> attributes, string key, double? value)
    {
        if (value is { } present)
        {
            attributes.Add(Attribute(key, present));
        }
    }

    private static KeyValue Attribute(string key, string value) => new() { Key = key, Value = new AnyValue { StringValue = value } };

    private static KeyValue Attribute(string key, long value) => new() { Key = key, Value = new AnyValue { IntValue = value } };

    private static KeyValue Attribute(string key, double value) => new() { Key = key, Value = new AnyValue { DoubleValue = value } };

    private static ulong UnixNanos(DateTimeOffset time) => (ulong)(time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100;
}
