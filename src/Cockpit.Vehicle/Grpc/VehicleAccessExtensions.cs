using Cockpit.Vehicle.Security;
using Grpc.Core;

namespace Cockpit.Vehicle.Grpc;

/// <summary>The caller's <see cref="VehicleAccess"/>, as <see cref="VehicleAuthorizationInterceptor"/> resolved it, and who the caller is.</summary>
internal static class VehicleAccessExtensions
{
    /// <summary>The name of every client of the Unix domain socket when authorization is off.</summary>
    public const string UnixSocketCaller = "unix socket";

    /// <summary>The caller's access; a call that did not pass the interceptor gets none (fails closed).</summary>
    public static VehicleAccess Access(this ServerCallContext context) =>
        context.UserState.TryGetValue(typeof(VehicleAccess), out var access) && access is VehicleAccess resolved
            ? resolved
            : throw new RpcException(new Status(StatusCode.Unauthenticated, "the call was not authenticated"));

    /// <summary>
    /// Who the caller is, for per-caller limits: its token's subject, the same on every connection. With authorization off
    /// no token names it, so it is its IP address without the port (a client opens connections at will, addresses not),
    /// and <see cref="UnixSocketCaller"/> for every client of the Unix domain socket.
    /// </summary>
    public static string Caller(this ServerCallContext context)
    {
        var access = context.Access();
        return ReferenceEquals(access, VehicleAccess.Unrestricted)
            ? context.GetHttpContext().Connection.RemoteIpAddress?.ToString() ?? UnixSocketCaller
            : access.Subject;
    }
}
