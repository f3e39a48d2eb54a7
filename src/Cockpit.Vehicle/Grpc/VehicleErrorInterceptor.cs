using Cockpit.Vehicle.Security;
using Cockpit.Vehicle.Signals;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;

namespace Cockpit.Vehicle.Grpc;

/// <summary>
/// The one place where the vehicle's domain errors become gRPC statuses:
/// unknown signal → NOT_FOUND; invalid value or not an actuator → INVALID_ARGUMENT;
/// safety interlock → FAILED_PRECONDITION; ECU silent → UNAVAILABLE; outside the token's scope → PERMISSION_DENIED.
/// The status message names the path and the reason.
/// </summary>
internal sealed class VehicleErrorInterceptor(ILogger<VehicleErrorInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (VehicleException error)
        {
            throw ToRpcException(error, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (VehicleException error)
        {
            throw ToRpcException(error, context);
        }
    }

    private RpcException ToRpcException(VehicleException error, ServerCallContext context)
    {
        var code = error switch
        {
            SignalNotFoundException => StatusCode.NotFound,
            InterlockException => StatusCode.FailedPrecondition,
            EcuUnavailableException => StatusCode.Unavailable,
            PermissionDeniedException => StatusCode.PermissionDenied,
            _ => StatusCode.InvalidArgument,
        };
        Log.Refused(logger, context.Method, error.Path, error.Message);
        return new RpcException(new Status(code, error.Message));
    }
}
