using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Cockpit.ServiceDefaults.Grpc;

/// <summary>
/// gRPC reads a request message before any interceptor runs, and reports one that does not parse as UNKNOWN ("Exception
/// was thrown by handler."). Every other exception is mapped by <see cref="UnexpectedErrorInterceptor"/>, so an UNKNOWN
/// left at the end of a gRPC call can only be that: it is reported as INVALID_ARGUMENT.
/// </summary>
public static class MalformedRequestMiddleware
{
    private const string StatusKey = "grpc-status";
    private const string MessageKey = "grpc-message";
    private const string Unknown = "2";
    private const string InvalidArgument = "3";
    private const string Message = "the request message is not a valid protobuf message of the method's request type";

    /// <summary>Adds the mapping to the host's pipeline; call it once, before the gRPC services are mapped.</summary>
    /// <param name="app">The host's application builder.</param>
    /// <returns>The same builder.</returns>
    public static IApplicationBuilder UseMalformedRequestStatus(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Use(async (context, next) =>
        {
            if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) != true)
            {
                await next(context);
                return;
            }

            context.Response.OnStarting(() =>
            {
                Rewrite(context.Response.Headers); // a trailers-only response carries its status in the headers
                return Task.CompletedTask;
            });
            await next(context);
            if (context.Features.Get<IHttpResponseTrailersFeature>()?.Trailers is { IsReadOnly: false } trailers)
            {
                Rewrite(trailers);
            }
        });
    }

    private static void Rewrite(IHeaderDictionary headers)
    {
        if (headers.TryGetValue(StatusKey, out var status) && status == Unknown)
        {
            headers[StatusKey] = InvalidArgument;
            headers[MessageKey] = Uri.EscapeDataString(Message);
        }
    }
}
