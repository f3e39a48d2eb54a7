using System.Net;

namespace Cockpit.ServiceDefaults;

/// <summary>The addresses a Cockpit service may listen on: loopback only, unless the configuration says otherwise.</summary>
public static class ListenAddress
{
    /// <summary>
    /// Null when <paramref name="address"/> is a loopback IP address (or another is allowed); otherwise the reason,
    /// naming <paramref name="key"/> and the key that would allow it.
    /// </summary>
    /// <param name="key">The configuration key, e.g. <c>Agent:Address</c>.</param>
    /// <param name="address">Its value.</param>
    /// <param name="allowNonLoopback">Whether a non-loopback address is explicitly allowed.</param>
    /// <param name="allowKey">The key that allows it, e.g. <c>Agent:AllowNonLoopback</c>.</param>
    public static string? Check(string key, string? address, bool allowNonLoopback, string allowKey)
    {
        var host = address is "localhost" ? "127.0.0.1" : address;
        if (!IPAddress.TryParse(host, out var ip))
        {
            return $"{key}: '{InputText.Quote(address)}' is not an IP address";
        }

        return IPAddress.IsLoopback(ip) || allowNonLoopback
            ? null
            : $"{key}: {address} is not a loopback address; the service is meant for this machine only (set {allowKey}=true to listen on it anyway)";
    }
}
