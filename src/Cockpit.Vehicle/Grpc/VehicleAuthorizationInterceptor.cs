using Cockpit.ServiceDefaults.Grpc;
using Cockpit.ServiceDefaults.Security;
using Cockpit.Vehicle.Security;
using Grpc.Core;

namespace Cockpit.Vehicle.Grpc;

/// <summary>
/// The edge of the vehicle's APIs (VAL, Simulation, CanBus; not health or reflection): resolves the caller's
/// <c>authorization</c> metadata once into a <see cref="VehicleAccess"/>, which the services check per path
/// (<see cref="VehicleAccessExtensions.Access"/>). A missing or invalid token ends the call with UNAUTHENTICATED
/// before the service runs. GetServerInfo answers anyone, as clients ask it before anything else.
/// </summary>
internal sealed class VehicleAuthorizationInterceptor(VehicleAuthenticator authenticator, ILogger<VehicleAuthorizationInterceptor> logger) : GateInterceptor
{
    private static readonly string s_serverInfoMethod = $"/{Kuksa.Val.V2.VAL.Descriptor.FullName}/GetServerInfo";

    protected override async ValueTask CheckAsync(ServerCallContext context)
    {
        if (context.Method == s_serverInfoMethod)
        {
            return;
        }

        try
        {
            context.UserState[typeof(VehicleAccess)] = await authenticator.AuthenticateAsync(context.RequestHeaders.GetValue("authorization"));
        }
        catch (AuthenticationFailedException error)
        {
            Log.Unauthenticated(logger, context.Method, context.Peer, error.Message);
            throw new RpcException(new Status(StatusCode.Unauthenticated, error.Message));
        }
    }
}
