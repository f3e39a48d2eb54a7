using Cockpit.ServiceDefaults.Grpc;
using Cockpit.Vehicle.Security;
using Cockpit.Vehicle.Signals;
using Grpc.Core;

namespace Cockpit.Vehicle.Grpc;

/// <summary>
/// The one place where the vehicle's domain errors become gRPC statuses:
/// unknown signal → NOT_FOUND; invalid value or not an actuator → INVALID_ARGUMENT;
/// safety interlock → FAILED_PRECONDITION; ECU silent → UNAVAILABLE; outside the token's scope → PERMISSION_DENIED.
/// The status message names the path and the reason.
/// </summary>
internal sealed class VehicleErrorInterceptor(ILogger<VehicleErrorInterceptor> logger) : ErrorMappingInterceptor
{
    protected override RpcException? Translate(Exception exception, ServerCallContext context) =>
        exception is VehicleException vehicle ? ToRpcException(vehicle, context) : null;

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
