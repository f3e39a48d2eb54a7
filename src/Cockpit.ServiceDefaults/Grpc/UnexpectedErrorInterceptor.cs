using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;

namespace Cockpit.ServiceDefaults.Grpc;

/// <summary>
/// The outermost edge of every Cockpit service: an exception that escaped the service's own mapping never reaches the
/// caller as UNKNOWN. A malformed request (an argument or format error, a message that does not parse) is
/// INVALID_ARGUMENT with a bounded message; anything else is INTERNAL, logged with its stack, and says nothing of it.
/// </summary>
/// <param name="logger">Unexpected errors are logged here.</param>
public sealed class UnexpectedErrorInterceptor(ILogger<UnexpectedErrorInterceptor> logger) : Interceptor
{
    /// <inheritdoc />
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception error) when (Translate(error, context) is { } status)
        {
            throw status;
        }
    }

    /// <inheritdoc />
    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception error) when (Translate(error, context) is { } status)
        {
            throw status;
        }
    }

    /// <inheritdoc />
    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(requestStream, context);
        }
        catch (Exception error) when (Translate(error, context) is { } status)
        {
            throw status;
        }
    }

    /// <inheritdoc />
    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context);
        }
        catch (Exception error) when (Translate(error, context) is { } status)
        {
            throw status;
        }
    }

    /// <summary>The status for an escaped exception; null for those gRPC already reports right (statuses, cancellation).</summary>
    private RpcException? Translate(Exception error, ServerCallContext context)
    {
        switch (error)
        {
            case RpcException:
                return null;
            case OperationCanceledException when context.CancellationToken.IsCancellationRequested:
                return null;
            case ArgumentException or FormatException or InvalidProtocolBufferException:
                return new RpcException(new Status(StatusCode.InvalidArgument, InputText.Quote(error.Message)));
            default:
                Log.CallFailed(logger, context.Method, context.Peer, error);
                return new RpcException(new Status(StatusCode.Internal, "the service failed on this request; its log has the details"));
        }
    }
}
