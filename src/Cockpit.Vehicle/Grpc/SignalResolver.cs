using Cockpit.Vehicle.Signals;
using Cockpit.Vehicle.Vss;
using Grpc.Core;
using Kuksa.Val.V2;

namespace Cockpit.Vehicle.Grpc;

/// <summary>Turns the API's signal references (id or path) into catalog entries.</summary>
internal static class SignalResolver
{
    /// <summary>KUKSA's limit on a requested path's length.</summary>
    public const int MaxPathLength = 1000;

    public static VssEntry Resolve(VssCatalog catalog, SignalID? signal) => signal?.SignalCase switch
    {
        SignalID.SignalOneofCase.Path => Resolve(catalog, signal.Path),
        SignalID.SignalOneofCase.Id => Resolve(catalog, signal.Id),
        _ => throw new RpcException(new Status(StatusCode.InvalidArgument, "signal_id is empty: give a path or an id")),
    };

    public static VssEntry Resolve(VssCatalog catalog, string path)
    {
        if (string.IsNullOrEmpty(path))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "the signal path is empty"));
        }

        if (path.Length > MaxPathLength)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"the signal path is longer than {MaxPathLength} characters"));
        }

        return catalog.TryGet(path, out var entry) ? entry : throw new SignalNotFoundException(path);
    }

    public static VssEntry Resolve(VssCatalog catalog, int id) =>
        catalog.TryGet(id, out var entry) ? entry : throw new SignalNotFoundException($"#{id}");
}
