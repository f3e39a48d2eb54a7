using Cockpit.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http;

namespace Cockpit.ServiceDefaults.Web;

/// <summary>
/// Guards a web page and its API on a loopback listener. The request's <c>Host</c> must name the listener itself
/// (<c>127.0.0.1:PORT</c>, <c>localhost:PORT</c>, <c>[::1]:PORT</c>), so a page from another site cannot reach it by
/// DNS rebinding; and it must carry a token with <see cref="Scope"/>: as <c>?token=</c> on the page's address (then kept
/// in an HTTP-only, same-site cookie and taken out of the address), in that cookie, or as <c>Authorization: Bearer</c>.
/// With authorization off only the host is checked.
/// </summary>
/// <param name="validator">Checks the token.</param>
/// <param name="scope">The scope the page needs (e.g. <c>observe</c>).</param>
/// <param name="cookieName">The cookie that keeps the token for the page's own requests.</param>
public sealed class PageAccessFilter(BearerTokenValidator validator, string scope, string cookieName) : IEndpointFilter
{
    /// <summary>The query parameter that hands the page its token.</summary>
    public const string TokenParameter = "token";

    /// <summary>The scope the page needs.</summary>
    public string Scope { get; } = scope;

    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (!IsOwnHost(http))
        {
            return Results.Problem($"host '{InputText.Quote(http.Request.Host.Value)}' is not this service's address", statusCode: StatusCodes.Status421MisdirectedRequest);
        }

        var fromQuery = http.Request.Query[TokenParameter].FirstOrDefault();
        var token = fromQuery ?? http.Request.Cookies[cookieName];
        var authorization = http.Request.Headers.Authorization.FirstOrDefault() ?? (string.IsNullOrEmpty(token) ? null : $"Bearer {token}");
        CallerToken? caller;
        try
        {
            caller = await validator.ValidateAsync(authorization);
        }
        catch (AuthenticationFailedException error)
        {
            return Results.Problem(error.Message, statusCode: StatusCodes.Status401Unauthorized);
        }

        if (caller is not null && !caller.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(Scope, StringComparer.Ordinal))
        {
            return Results.Problem($"the token of '{caller.Subject}' has no '{Scope}' scope", statusCode: StatusCodes.Status403Forbidden);
        }

        if (fromQuery is not null && caller is not null && HttpMethods.IsGet(http.Request.Method))
        {
            http.Response.Cookies.Append(cookieName, fromQuery, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/" });
            return Results.Redirect(http.Request.Path);
        }

        return await next(context);
    }

    private static bool IsOwnHost(HttpContext http)
    {
        var host = http.Request.Host;
        var port = http.Connection.LocalPort;
        if (!host.HasValue || (host.Port ?? 80) != port)
        {
            return false;
        }

        return host.Host is "127.0.0.1" or "localhost" or "[::1]" || host.Host == http.Connection.LocalIpAddress?.ToString();
    }
}
