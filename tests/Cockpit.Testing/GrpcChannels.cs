using System.Net.Sockets;
using Grpc.Core;
using Grpc.Net.Client;

namespace Cockpit.Testing;

/// <summary>gRPC channels that tests need beyond the host's own TCP channel.</summary>
public static class GrpcChannels
{
    /// <summary>
    /// A channel to <paramref name="address"/> (h2c) whose every call carries <paramref name="token"/> as
    /// <c>authorization: Bearer …</c>; no token when it is null.
    /// </summary>
    public static GrpcChannel ForAddress(Uri address, string? token)
    {
        ArgumentNullException.ThrowIfNull(address);
        return GrpcChannel.ForAddress(address, WithToken(new GrpcChannelOptions(), token));
    }

    /// <summary>
    /// A channel that speaks HTTP/2 over the Unix domain socket at <paramref name="socketPath"/>, its calls carrying
    /// <paramref name="token"/> when given.
    /// </summary>
    public static GrpcChannel ForUnixSocket(string socketPath, string? token = null)
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
        return GrpcChannel.ForAddress("http://localhost", WithToken(new GrpcChannelOptions { HttpHandler = handler }, token));
    }

    private static GrpcChannelOptions WithToken(GrpcChannelOptions options, string? token)
    {
        if (token is not null)
        {
            options.Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, CallCredentials.FromInterceptor((_, metadata) =>
            {
                metadata.Add("authorization", $"Bearer {token}");
                return Task.CompletedTask;
            }));
            options.UnsafeUseInsecureChannelCallCredentials = true; // h2c on loopback or a socket: the token travels without TLS
        }

        return options;
    }
}
