using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Cockpit.ServiceDefaults.Grpc;

/// <summary>Serves gRPC on a Unix domain socket, the way Cockpit's services talk to each other on a head unit.</summary>
public static class KestrelUnixSocketExtensions
{
    /// <summary>
    /// Listens for HTTP/2 without TLS on the Unix domain socket at <paramref name="path"/>. A socket file left by an earlier
    /// run would block the bind, so it is removed first; the folder is created when missing (under systemd it is the
    /// unit's <c>RuntimeDirectory=</c>). The socket's mode follows the process umask (the units set <c>UMask=0007</c>:
    /// the service's user and group may connect, nobody else).
    /// </summary>
    /// <param name="kestrel">The Kestrel options of the host.</param>
    /// <param name="path">The socket path, e.g. <c>/run/cockpit/hmi.sock</c>.</param>
    public static void ListenCockpitUnixSocket(this KestrelServerOptions kestrel, string path)
    {
        ArgumentNullException.ThrowIfNull(kestrel);
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }

        File.Delete(path);
        kestrel.ListenUnixSocket(path, listen => listen.Protocols = HttpProtocols.Http2);
    }
}
