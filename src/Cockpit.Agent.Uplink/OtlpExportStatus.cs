namespace Cockpit.Agent.Uplink;

/// <summary>The verdict on one export request.</summary>
internal enum OtlpExportStatus
{
    /// <summary>The backend took the batch (perhaps refusing some records, see <see cref="OtlpExportResult.RejectedRecords"/>): it leaves the queue.</summary>
    Acknowledged,

    /// <summary>The backend refused the batch's data itself (HTTP 400, gRPC <c>INVALID_ARGUMENT</c>); sending it again cannot help, so it leaves the queue.</summary>
    Rejected,

    /// <summary>No verdict (no network, a dropped connection, a timeout, the backend busy or failing): the batch is sent again after the backoff.</summary>
    Retry,
}
