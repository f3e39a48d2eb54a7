using System.Diagnostics.CodeAnalysis;
using System.Net.Sockets;
using Grpc.Net.Client;

namespace Cockpit.ServiceDefaults.Grpc;

/// <summary>
/// Creates the gRPC channels Cockpit's clients use, for a TCP address (<c>http://127.0.0.1:55555</c>) or a Unix domain
/// socket (<c>unix:/run/cockpit/vehicle.sock</c>). Unix socket addresses follow gRPC's naming: <c>unix:PATH</c> (relative
/// or absolute) or <c>unix:///ABSOLUTE_PATH</c>. The channel speaks HTTP/2 without TLS over the socket; the socket file's
/// permissions decide who may connect.
/// </summary>
public static class CockpitGrpcChannel
{
    /// <summary>The scheme of a Unix domain socket address, with its colon.</summary>
    public const string UnixScheme = "unix:";

    /// <summary>
    /// The longest a channel waits between attempts to reach its service (gRPC's default is 120 s). Cockpit's services
    /// run on the same head unit, so trying again every second costs nothing, and a service that restarts is reached
    /// within about a second of being back, inside a call's deadline (the agent's vehicle calls wait 2 s), rather than
    /// after a backoff grown while it was away.
    /// </summary>
    public static readonly TimeSpan MaxReconnectBackoff = TimeSpan.FromSeconds(1);

    /// <summary>A channel to <paramref name="address"/>; see the type's summary for the forms.</summary>
    /// <param name="address">An <c>http://</c>/<c>https://</c> URL or a <c>unix:</c> address.</param>
    /// <param name="options">Channel options. For a Unix socket its <see cref="GrpcChannelOptions.HttpHandler"/> is set here and must be unset.</param>
    /// <exception cref="ArgumentException">A <c>unix:</c> address without a path, or with a handler or client of its own.</exception>
    public static GrpcChannel ForAddress(Uri address, GrpcChannelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        return ForAddress(address.OriginalString, options);
    }

    /// <inheritdoc cref="ForAddress(Uri, GrpcChannelOptions?)"/>
    public static GrpcChannel ForAddress(string address, GrpcChannelOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(address);
        options ??= new GrpcChannelOptions();
        if (options.MaxReconnectBackoff is not { } backoff || backoff > MaxReconnectBackoff)
        {
            options.MaxReconnectBackoff = MaxReconnectBackoff;
        }

        if (!address.StartsWith(UnixScheme, StringComparison.OrdinalIgnoreCase))
        {
            return GrpcChannel.ForAddress(address, options);
        }

        if (!TryGetUnixSocketPath(address, out var path))
        {
            throw new ArgumentException($"The address {address} names no socket path (unix:/run/cockpit/vehicle.sock or unix:///run/cockpit/vehicle.sock).", nameof(address));
        }

        if (options.HttpHandler is not null || options.HttpClient is not null)
        {
            throw new ArgumentException($"The channel to {address} brings its own socket handler; leave GrpcChannelOptions.HttpHandler and HttpClient unset.", nameof(options));
        }

        options.HttpHandler = UnixSocketHandler(path);

        // The authority is only a placeholder: every connection goes to the socket.
        return GrpcChannel.ForAddress("http://localhost", options);
    }

    /// <summary>The socket path of a <c>unix:</c> address; false for any other address or an empty path.</summary>
    /// <param name="address">The address.</param>
    /// <param name="path">The socket path.</param>
    public static bool TryGetUnixSocketPath(string? address, [NotNullWhen(true)] out string? path)
    {
        path = null;
        if (address is null || !address.StartsWith(UnixScheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var rest = address[UnixScheme.Length..];
        if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            // unix://ABSOLUTE_PATH: the authority is empty and the path absolute, so three slashes in all.
            rest = rest[2..];
            if (!rest.StartsWith('/'))
            {
                return false;
            }
        }

        if (rest.Length == 0)
        {
            return false;
        }

        path = rest;
        return true;
    }

    private static SocketsHttpHandler UnixSocketHandler(string path) => new()
    {
        EnableMultipleHttp2Connections = true,
        ConnectCallback = async (_, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cancellationToken).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
