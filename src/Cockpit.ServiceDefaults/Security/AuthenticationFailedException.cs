namespace Cockpit.ServiceDefaults.Security;

/// <summary>A call without a token, or with one the service does not accept. Maps to UNAUTHENTICATED.</summary>
/// <param name="message">Why the token grants nothing.</param>
public sealed class AuthenticationFailedException(string message) : Exception(message);
