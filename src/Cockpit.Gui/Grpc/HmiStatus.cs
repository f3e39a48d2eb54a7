using Cockpit.Gui.Hmi;
using Grpc.Core;

namespace Cockpit.Gui.Grpc;

/// <summary>The one place where refused actions become gRPC statuses.</summary>
internal static class HmiStatus
{
    public static RpcException ToRpc(HmiActionException ex) => new(new Status(
        ex.Kind switch
        {
            HmiErrorKind.NotFound => StatusCode.NotFound,
            HmiErrorKind.FailedPrecondition => StatusCode.FailedPrecondition,
            _ => StatusCode.InvalidArgument,
        },
        ex.Message));
}
