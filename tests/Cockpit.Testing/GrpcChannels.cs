using System.Net.Sockets;
using Grpc.Net.Client;

namespace Cockpit.Testing;

/// <summary>gRPC channels that tests need beyond the host's own TCP channel.</summary>
public static class GrpcChannels
{
    /// <summary>A channel that speaks HTTP/2 over the Unix domain socket at <paramref name="socketPath"/>.</summary>
    public static GrpcChannel ForUnixSocket(string socketPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(socketPath);
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };

        // The authority is only a placeholder: every connection goes to the socket.
        return GrpcChannel.ForAddress("http://localhost", new GrpcChannelOptions { HttpHandler = handler });
    }
}
