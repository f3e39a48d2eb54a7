using Grpc.Core;
using Grpc.Net.Client;

namespace Cockpit.ServiceDefaults.Grpc;

/// <summary>
/// Makes a client channel send a bearer token (<c>authorization: Bearer …</c>) with every call, as the vehicle service's
/// kuksa.val.v2 API expects a JWT. Cockpit's channels are h2c on loopback or a Unix socket, so the token is allowed
/// without TLS (<see cref="GrpcChannelOptions.UnsafeUseInsecureChannelCallCredentials"/>).
/// </summary>
public static class BearerTokenCredentials
{
    /// <summary>Sets <paramref name="options"/> to send <paramref name="token"/> with every call; leaves them as they are when there is no token.</summary>
    /// <param name="options">The channel options to change.</param>
    /// <param name="token">The token (a JWT), or null or empty for none.</param>
    /// <returns>The same options.</returns>
    public static GrpcChannelOptions WithBearerToken(this GrpcChannelOptions options, string? token)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrEmpty(token))
        {
            return options;
        }

        var header = $"Bearer {token}";
        options.Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, CallCredentials.FromInterceptor((_, metadata) =>
        {
            metadata.Add("authorization", header);
            return Task.CompletedTask;
        }));
        options.UnsafeUseInsecureChannelCallCredentials = true;
        return options;
    }

    /// <summary>The token given inline, or else the contents of <paramref name="tokenPath"/> (trimmed); null when neither is set.</summary>
    /// <param name="token">The token itself, e.g. from configuration.</param>
    /// <param name="tokenPath">A file that holds the token, e.g. one written by <c>Cockpit.Agent token issue</c>.</param>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static string? Resolve(string? token, string? tokenPath) =>
        !string.IsNullOrWhiteSpace(token) ? token.Trim()
        : !string.IsNullOrWhiteSpace(tokenPath) ? File.ReadAllText(tokenPath).Trim()
        : null;
}
