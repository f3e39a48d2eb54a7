namespace Cockpit.Agent.Interactions;

/// <summary>The OTLP transport of the uplink.</summary>
public enum UplinkProtocol
{
    /// <summary>OTLP/HTTP: <c>POST</c> of a protobuf <c>ExportLogsServiceRequest</c> (<c>application/x-protobuf</c>).</summary>
    HttpProtobuf,

    /// <summary>OTLP/gRPC: <c>opentelemetry.proto.collector.logs.v1.LogsService/Export</c>.</summary>
    Grpc,
}
