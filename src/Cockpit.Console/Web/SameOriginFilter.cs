using Microsoft.AspNetCore.Http;

namespace Cockpit.Console.Web;

/// <summary>
/// Requests that act (a turn, a recording) must come from the console's own page. The token cookie is same-site only,
/// but another port on the same machine is the same site to a browser; its pages are another origin, which browsers
/// name in <c>Origin</c> (and in <c>Sec-Fetch-Site</c>). Clients that are no browser send neither and pass.
/// </summary>
internal sealed class SameOriginFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var origin = request.Headers.Origin.FirstOrDefault();
        var site = request.Headers["Sec-Fetch-Site"].FirstOrDefault();
        var own = $"{request.Scheme}://{request.Host.Value}";
        if ((origin is not null && !string.Equals(origin, own, StringComparison.OrdinalIgnoreCase)) || site is "cross-site" or "same-site")
        {
            return Results.Problem(
                detail: $"requests that act must come from the console's own page ({own}), not from {origin ?? site}",
                statusCode: StatusCodes.Status403Forbidden,
                title: "foreign origin");
        }

        return await next(context);
    }
}
