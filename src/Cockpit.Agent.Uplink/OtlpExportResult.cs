namespace Cockpit.Agent.Uplink;

/// <summary>What became of one export request.</summary>
/// <param name="Status">Acknowledged, rejected for good, or to be retried.</param>
/// <param name="RejectedRecords">Records the backend refused (partial success, or the whole batch).</param>
/// <param name="RetryAfter">The backend's own wait (HTTP <c>Retry-After</c>), when it gave one.</param>
/// <param name="Reason">A short tag for the failure metric, e.g. <c>http_503</c>, <c>connection</c>, <c>timeout</c>.</param>
/// <param name="Detail">What happened, for the log.</param>
internal readonly record struct OtlpExportResult(OtlpExportStatus Status, long RejectedRecords, TimeSpan? RetryAfter, string Reason, string Detail)
{
    public static OtlpExportResult Acknowledged(long rejected, string detail) => new(OtlpExportStatus.Acknowledged, rejected, null, "", detail);

    public static OtlpExportResult Rejected(long records, string reason, string detail) => new(OtlpExportStatus.Rejected, records, null, reason, detail);

    public static OtlpExportResult Retry(string reason, string detail, TimeSpan? retryAfter = null) => new(OtlpExportStatus.Retry, 0, retryAfter, reason, detail);
}
