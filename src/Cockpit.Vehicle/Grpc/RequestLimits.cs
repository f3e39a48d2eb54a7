using Grpc.Core;

namespace Cockpit.Vehicle.Grpc;

/// <summary>Checks of a request's shape that come before any signal is looked at.</summary>
internal static class RequestLimits
{
    /// <summary>INVALID_ARGUMENT unless the request names between 1 and <paramref name="maximum"/> signals.</summary>
    public static void RequireSignalCount(int count, int maximum)
    {
        if (count == 0)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "the request names no signal"));
        }

        if (count > maximum)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument,
                $"the request names {count} signals; at most {maximum} are allowed (Vehicle:MaxSignalsPerRequest)"));
        }
    }
}
