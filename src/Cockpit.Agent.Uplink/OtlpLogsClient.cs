using System.Net;
using System.Net.Http.Headers;
using Cockpit.Agent.Interactions;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using OpenTelemetry.Proto.Collector.Logs.V1;

namespace Cockpit.Agent.Uplink;

/// <summary>
/// Sends one OTLP logs export request and says what became of it, without retrying (the uplink's loop retries).
/// OTLP/HTTP posts the protobuf body to <see cref="UplinkOptions.Endpoint"/>; OTLP/gRPC calls
/// <c>LogsService/Export</c>. Only a verdict on the data itself (HTTP 400, gRPC <c>INVALID_ARGUMENT</c>) drops a
/// batch; every other failure, including a refused token or a wrong path, keeps it for the next try, so a
/// misconfigured backend costs queue space, not records.
/// </summary>
internal sealed class OtlpLogsClient : IDisposable
{
    private static readonly MediaTypeHeaderValue Protobuf = new("application/x-protobuf");

    private readonly UplinkOptions _options;
    private readonly Uri _endpoint;
    private readonly HttpClient? _http;
    private readonly GrpcChannel? _channel;
    private readonly LogsService.LogsServiceClient? _grpc;

    public OtlpLogsClient(UplinkOptions options)
    {
        _options = options;
        _endpoint = options.Endpoint ?? throw new ArgumentException("Agent:Uplink:Endpoint is required", nameof(options));
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = options.ExportTimeout,
            // A moving car changes networks; do not keep a connection to an address that went away.
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        };
        if (options.Protocol == UplinkProtocol.Grpc)
        {
            _channel = GrpcChannel.ForAddress(_endpoint, new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });
            _grpc = new LogsService.LogsServiceClient(_channel);
        }
        else
        {
            _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        }
    }

    /// <summary>Sends <paramref name="request"/> (<paramref name="records"/> log records); throws only when <paramref name="cancellationToken"/> is cancelled.</summary>
    public Task<OtlpExportResult> ExportAsync(ExportLogsServiceRequest request, int records, CancellationToken cancellationToken) =>
        _grpc is not null ? ExportGrpcAsync(request, records, cancellationToken) : ExportHttpAsync(request, records, cancellationToken);

    public void Dispose()
    {
        _http?.Dispose();
        _channel?.Dispose();
    }

    private async Task<OtlpExportResult> ExportHttpAsync(ExportLogsServiceRequest request, int records, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.ExportTimeout);
        using var content = new ByteArrayContent(request.ToByteArray());
        content.Headers.ContentType = Protobuf;
        using var message = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = content };
        foreach (var (name, value) in _options.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        try
        {
            using var response = await _http!.SendAsync(message, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return Acknowledged(body);
            }

            var detail = $"HTTP {status} {response.ReasonPhrase}";
            if (response.StatusCode == HttpStatusCode.BadRequest)
            {
                return OtlpExportResult.Rejected(records, "http_400", detail);
            }

            var retryAfter = response.Headers.RetryAfter is { } after
                ? after.Delta ?? (after.Date is { } date ? date - DateTimeOffset.UtcNow : null)
                : null;
            return OtlpExportResult.Retry($"http_{status}", detail, retryAfter);
        }
        catch (HttpRequestException exception)
        {
            return OtlpExportResult.Retry("connection", exception.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return OtlpExportResult.Retry("timeout", $"no answer within {_options.ExportTimeout.TotalSeconds:0.#} s");
        }
    }

    private async Task<OtlpExportResult> ExportGrpcAsync(ExportLogsServiceRequest request, int records, CancellationToken cancellationToken)
    {
        var headers = new Metadata();
        foreach (var (name, value) in _options.Headers)
        {
            headers.Add(name.ToLowerInvariant(), value);
        }

        try
        {
            var response = await _grpc!.ExportAsync(request, headers, DateTime.UtcNow + _options.ExportTimeout, cancellationToken).ConfigureAwait(false);
            return OtlpExportResult.Acknowledged(response.PartialSuccess?.RejectedLogRecords ?? 0, response.PartialSuccess?.ErrorMessage ?? "");
        }
        catch (RpcException exception) when (!cancellationToken.IsCancellationRequested)
        {
            var reason = $"grpc_{exception.StatusCode}";
            return exception.StatusCode == StatusCode.InvalidArgument
                ? OtlpExportResult.Rejected(records, reason, exception.Status.Detail)
                : OtlpExportResult.Retry(reason, exception.Status.Detail);
        }
    }

    /// <summary>A 2xx answer: its body may report a partial success; a body that does not parse still acknowledges.</summary>
    private static OtlpExportResult Acknowledged(byte[] body)
    {
        try
        {
            var partial = body.Length == 0 ? null : ExportLogsServiceResponse.Parser.ParseFrom(body).PartialSuccess;
            return OtlpExportResult.Acknowledged(partial?.RejectedLogRecords ?? 0, partial?.ErrorMessage ?? "");
        }
        catch (InvalidProtocolBufferException)
        {
            return OtlpExportResult.Acknowledged(0, "");
        }
    }
}
