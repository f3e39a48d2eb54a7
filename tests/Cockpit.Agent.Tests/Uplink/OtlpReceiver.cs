using System.Collections.Concurrent;
using System.Net;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Proto.Collector.Logs.V1;
using OpenTelemetry.Proto.Logs.V1;

namespace Cockpit.Agent.Tests.Uplink;

/// <summary>
/// A real OTLP logs receiver on 127.0.0.1 (Kestrel): OTLP/HTTP <c>POST /v1/logs</c> with a protobuf body, or
/// OTLP/gRPC <c>LogsService/Export</c>. It can be told to fail requests, drop connections after reading the body, hold
/// a request until the client gives up, or be stopped and started again on the same port.
/// </summary>
internal sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly bool _grpc;
    private WebApplication? _app;
    private int _failNext;
    private int _dropNext;
    private TaskCompletionSource<long[]>? _hold;

    private OtlpReceiver(bool grpc) => _grpc = grpc;

    public int Port { get; private set; }

    /// <summary>http://127.0.0.1:port/v1/logs (HTTP) or http://127.0.0.1:port (gRPC).</summary>
    public Uri Endpoint => new(_grpc ? $"http://127.0.0.1:{Port}" : $"http://127.0.0.1:{Port}/v1/logs");

    /// <summary>Every record's <c>cockpit.id</c> in every request the receiver read, acknowledged or not.</summary>
    public ConcurrentQueue<long> Seen { get; } = new();

    /// <summary>The <c>cockpit.id</c> of every record in acknowledged requests.</summary>
    public ConcurrentQueue<long> Acknowledged { get; } = new();

    /// <summary>Acknowledged records, for their attributes.</summary>
    public ConcurrentQueue<LogRecord> Records { get; } = new();

    /// <summary>Requests received (all of them).</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>The <c>authorization</c> header of the last request.</summary>
    public string? LastAuthorization { get; private set; }

    /// <summary>The last request's resource attributes.</summary>
    public IReadOnlyDictionary<string, string> LastResource { get; private set; } = new Dictionary<string, string>();

    private int _requests;

    public static async Task<OtlpReceiver> StartAsync(bool grpc = false)
    {
        var receiver = new OtlpReceiver(grpc);
        await receiver.StartOnPortAsync(0);
        return receiver;
    }

    /// <summary>The next <paramref name="count"/> requests get HTTP 503 (gRPC UNAVAILABLE).</summary>
    public void FailNext(int count) => Volatile.Write(ref _failNext, count);

    /// <summary>The next <paramref name="count"/> requests are read, then their connection is aborted without an answer.</summary>
    public void DropNext(int count) => Volatile.Write(ref _dropNext, count);

    /// <summary>The next request is read and then never answered; the task gives its record ids.</summary>
    public Task<long[]> HoldNext()
    {
        _hold = new TaskCompletionSource<long[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        return _hold.Task;
    }

    public async Task StopAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>Starts again on the same port.</summary>
    public Task RestartAsync() => StartOnPortAsync(Port);

    public ValueTask DisposeAsync() => new(StopAsync());

    private async Task StartOnPortAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, port, listen => listen.Protocols = _grpc ? HttpProtocols.Http2 : HttpProtocols.Http1AndHttp2));
        builder.Services.AddSingleton(this);
        builder.Services.AddGrpc();
        var app = builder.Build();
        app.MapPost("/v1/logs", HandleHttpAsync);
        app.MapGrpcService<GrpcLogs>();
        await app.StartAsync();
        Port = new Uri(app.Urls.First()).Port;
        _app = app;
    }

    private async Task HandleHttpAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var request = ExportLogsServiceRequest.Parser.ParseFrom(body.ToArray());
        LastAuthorization = context.Request.Headers.Authorization;
        switch (await HandleAsync(request, context.RequestAborted))
        {
            case Verdict.Fail:
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                break;
            case Verdict.Drop:
                context.Abort();
                break;
            default:
                context.Response.ContentType = "application/x-protobuf";
                await context.Response.Body.WriteAsync(new ExportLogsServiceResponse().ToByteArray());
                break;
        }
    }

    private async Task<Verdict> HandleAsync(ExportLogsServiceRequest request, CancellationToken aborted)
    {
        Interlocked.Increment(ref _requests);
        var records = request.ResourceLogs.SelectMany(resource => resource.ScopeLogs).SelectMany(scope => scope.LogRecords).ToList();
        var ids = records.Select(record => record.Attributes.Single(attribute => attribute.Key == "cockpit.id").Value.IntValue).ToArray();
        LastResource = request.ResourceLogs[0].Resource.Attributes.ToDictionary(attribute => attribute.Key, attribute => attribute.Value.StringValue);
        if (Interlocked.Decrement(ref _failNext) >= 0)
        {
            return Verdict.Fail;
        }

        foreach (var id in ids)
        {
            Seen.Enqueue(id);
        }

        if (Interlocked.Decrement(ref _dropNext) >= 0)
        {
            return Verdict.Drop;
        }

        if (Interlocked.Exchange(ref _hold, null) is { } hold)
        {
            hold.SetResult(ids);
            await Task.Delay(Timeout.Infinite, aborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return Verdict.Drop;
        }

        foreach (var id in ids)
        {
            Acknowledged.Enqueue(id);
        }

        foreach (var record in records)
        {
            Records.Enqueue(record);
        }

        return Verdict.Accept;
    }

    private enum Verdict
    {
        Accept,
        Fail,
        Drop,
    }

    private sealed class GrpcLogs(OtlpReceiver receiver) : LogsService.LogsServiceBase
    {
        public override async Task<ExportLogsServiceResponse> Export(ExportLogsServiceRequest request, ServerCallContext context)
        {
            receiver.LastAuthorization = context.RequestHeaders.GetValue("authorization");
            return await receiver.HandleAsync(request, context.CancellationToken) switch
            {
                Verdict.Accept => new ExportLogsServiceResponse(),
                _ => throw new RpcException(new Status(StatusCode.Unavailable, "receiver told to fail")),
            };
        }
    }
}
