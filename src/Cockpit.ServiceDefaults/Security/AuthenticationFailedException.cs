namespace Cockpit.Vehicle.Security;

/// <summary>A call without a token, or with one the service does not accept. Maps to UNAUTHENTICATED.</summary>
internal sealed class AuthenticationFailedException(string message) : Exception(message);
