using System.Text;
using Cockpit.Console.Security;
using Cockpit.ServiceDefaults.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cockpit.Console.Web;

/// <summary>
/// The console under <c>/console/</c>: the page and its files from the assembly, and its API. Every route needs the
/// console's listener, a Host naming it and a token with the scope <c>console</c> (<see cref="PageAccessFilter"/>);
/// requests that change something also need to come from the page's own origin (<see cref="SameOriginFilter"/>).
/// </summary>
internal static class ConsolePage
{
    private const string LanguageMarker = "{{language}}";

    private static readonly Dictionary<string, string> s_files = new(StringComparer.Ordinal)
    {
        ["app.js"] = "text/javascript; charset=utf-8",
        ["app.css"] = "text/css; charset=utf-8",
        ["pcm-recorder.js"] = "text/javascript; charset=utf-8",
        ["i18n/zh.json"] = "application/json; charset=utf-8",
        ["i18n/en.json"] = "application/json; charset=utf-8",
    };

    // The page runs only its own files: no inline script, nothing from elsewhere, never inside another site's frame.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "media-src 'self' blob:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var callers = endpoints.ServiceProvider.GetRequiredService<ConsoleCallers>();
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<ConsoleOptions>>();
        var console = endpoints.MapGroup("/console")
            .AddEndpointFilter(new ListenerFilter(new Uri(options.Value.Url).Port))
            .AddEndpointFilter(new PageAccessFilter(callers.Validator, ConsoleScopes.Use, ConsoleCallers.TokenCookie))
            .AddEndpointFilter(async (context, next) =>
            {
                var headers = context.HttpContext.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                headers.CacheControl = "no-store";
                return await next(context);
            });

        console.MapGet("/", (IOptions<ConsoleOptions> options) =>
            Results.Text(Resource("index.html").Replace(LanguageMarker, options.Value.Language, StringComparison.Ordinal), "text/html; charset=utf-8", Encoding.UTF8));
        foreach (var (file, contentType) in s_files)
        {
            console.MapGet($"/{file}", () => Results.Text(Resource(file), contentType, Encoding.UTF8));
        }

        console.MapGet("/api/events", (HttpContext context, ConsoleEventStream stream) => stream.StreamAsync(context));
        console.MapGet("/api/report", ConsoleApi.ReportAsync);
        console.MapPost("/api/converse", ConsoleApi.ConverseAsync).AddEndpointFilter<SameOriginFilter>();
        console.MapPost("/api/voice", VoiceRelay.ConverseAsync).AddEndpointFilter<SameOriginFilter>();
    }

    private static string Resource(string name)
    {
        using var stream = typeof(ConsolePage).Assembly.GetManifestResourceStream($"Cockpit.Console.wwwroot.{name}")
            ?? throw new InvalidOperationException($"embedded console file '{name}' is missing from the build");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// Answers only on the console's own port: a host that serves other listeners too (the embedded default) maps every
    /// endpoint on all of them. Port 0 (picked at start) is not checked.
    /// </summary>
    private sealed class ListenerFilter(int port) : IEndpointFilter
    {
        public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
            port != 0 && context.HttpContext.Connection.LocalPort != port ? ValueTask.FromResult<object?>(Results.NotFound()) : next(context);
    }
}
