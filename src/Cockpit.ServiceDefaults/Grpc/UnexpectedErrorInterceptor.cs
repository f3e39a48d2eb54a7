using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace Cockpit.ServiceDefaults.Grpc;

/// <summary>
/// The outermost edge of every Cockpit service: an exception that escaped the service's own mapping never reaches the
/// caller as UNKNOWN. A malformed request (an argument or format error, a message that does not parse) is
/// INVALID_ARGUMENT with a bounded message; anything else is INTERNAL, logged with its stack, and says nothing of it.
/// </summary>
/// <param name="logger">Unexpected errors are logged here.</param>
public sealed class UnexpectedErrorInterceptor(ILogger<UnexpectedErrorInterceptor> logger) : ErrorMappingInterceptor
{
    /// <summary>Null for what gRPC already reports right (statuses, cancellation).</summary>
    protected override RpcException? Translate(Exception exception, ServerCallContext context)
    {
        switch (exception)
        {
            case RpcException:
                return null;
            case OperationCanceledException when context.CancellationToken.IsCancellationRequested:
                return null;
            case ArgumentException or FormatException or InvalidProtocolBufferException:
                return new RpcException(new Status(StatusCode.InvalidArgument, InputText.Quote(exception.Message)));
            default:
                Log.CallFailed(logger, context.Method, context.Peer, exception);
                return new RpcException(new Status(StatusCode.Internal, "the service failed on this request; its log has the details"));
        }
    }
}
