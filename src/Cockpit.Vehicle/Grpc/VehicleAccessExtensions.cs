using Cockpit.Vehicle.Security;
using Grpc.Core;

namespace Cockpit.Vehicle.Grpc;

/// <summary>The caller's <see cref="VehicleAccess"/>, as <see cref="VehicleAuthorizationInterceptor"/> resolved it.</summary>
internal static class VehicleAccessExtensions
{
    /// <summary>The caller's access; a call that did not pass the interceptor gets none (fails closed).</summary>
    public static VehicleAccess Access(this ServerCallContext context) =>
        context.UserState.TryGetValue(typeof(VehicleAccess), out var access) && access is VehicleAccess resolved
            ? resolved
            : throw new RpcException(new Status(StatusCode.Unauthenticated, "the call was not authenticated"));
}
