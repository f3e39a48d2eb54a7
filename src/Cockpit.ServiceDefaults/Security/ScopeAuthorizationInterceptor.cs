using Cockpit.ServiceDefaults.Grpc;
using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace Cockpit.ServiceDefaults.Security;

/// <summary>
/// The edge of a service whose token scopes are plain names (the agent's <c>converse</c>, <c>watch</c>; the HMI's
/// <c>observe</c>, <c>act</c>): every method of the service needs the one scope <see cref="RequiredScopes"/> names. A
/// missing or invalid token ends the call with UNAUTHENTICATED, a token without the scope with PERMISSION_DENIED, both
/// before the service runs. Calls to other services of the same host (health, reflection) pass untouched.
/// </summary>
/// <param name="validator">Checks the token; with authorization off every call passes.</param>
/// <param name="logger">Refusals are logged with the method and the peer.</param>
public abstract class ScopeAuthorizationInterceptor(BearerTokenValidator validator, ILogger logger) : GateInterceptor
{
    /// <summary>The key under which the caller's subject is kept in <see cref="ServerCallContext.UserState"/>.</summary>
    public const string CallerKey = "cockpit.caller";

    /// <summary>Full method name (<c>/cockpit.agent.v1.Agent/Converse</c>) → the scope it needs.</summary>
    protected abstract IReadOnlyDictionary<string, string> RequiredScopes { get; }

    /// <summary>The caller's subject as the interceptor found it (<c>(authorization off)</c> when nothing is checked).</summary>
    /// <param name="context">The call.</param>
    public static string Caller(ServerCallContext context) =>
        context?.UserState.TryGetValue(CallerKey, out var caller) == true && caller is string subject ? subject : "(unknown)";

    /// <inheritdoc />
    protected override async ValueTask CheckAsync(ServerCallContext context)
    {
        if (!RequiredScopes.TryGetValue(context.Method, out var required))
        {
            return;
        }

        CallerToken? token;
        try
        {
            token = await validator.ValidateAsync(context.RequestHeaders.GetValue("authorization"));
        }
        catch (AuthenticationFailedException error)
        {
            Log.CallRefused(logger, context.Method, context.Peer, error.Message);
            throw new RpcException(new Status(StatusCode.Unauthenticated, error.Message));
        }

        if (token is null)
        {
            context.UserState[CallerKey] = "(authorization off)";
            return;
        }

        if (!token.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(required, StringComparer.Ordinal))
        {
            var message = $"the token of '{token.Subject}' has no '{required}' scope";
            Log.CallRefused(logger, context.Method, context.Peer, message);
            throw new RpcException(new Status(StatusCode.PermissionDenied, message));
        }

        context.UserState[CallerKey] = token.Subject;
    }
}
