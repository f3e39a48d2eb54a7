using System.Text;
using System.Text.Json;
using Cockpit.Gui.Hmi;
using Cockpit.Gui.Security;
using Cockpit.ServiceDefaults.Web;
using Microsoft.Extensions.Options;

namespace Cockpit.Gui.Web;

/// <summary>
/// The page a person watches the HMI on, under <c>/hmi/</c>: the page and its script from the
/// assembly, the current view as JSON (<c>/hmi/api/view</c>) and every change as server-sent
/// events (<c>/hmi/api/events</c>).
/// </summary>
internal static class WatchPage
{
    private const string InitialMarker = "<!--hmi-initial-view-->";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        ["index.html"] = "text/html; charset=utf-8",
        ["app.js"] = "text/javascript; charset=utf-8",
        ["app.css"] = "text/css; charset=utf-8",
    };

    /// <summary>The cookie that keeps the page's token.</summary>
    public const string TokenCookie = "cockpit_hmi";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var callers = endpoints.ServiceProvider.GetRequiredService<HmiCallers>();
        var page = endpoints.MapGroup("/hmi").AddEndpointFilter(new PageAccessFilter(callers.Validator, HmiScopes.Observe, TokenCookie));
        page.MapGet("/", (HmiEngine engine, IOptions<GuiOptions> options) =>
        {
            // The first view is in the page itself, so it renders complete before any script fetches.
            var json = JsonSerializer.Serialize(View(engine, options), Json);
            var page = Resource("index.html").Replace(InitialMarker, $"<script>window.hmiInitialView = {json};</script>", StringComparison.Ordinal);
            return Results.Text(page, ContentTypes["index.html"], Encoding.UTF8);
        });
        foreach (var file in new[] { "app.js", "app.css" })
        {
            page.MapGet($"/{file}", () => Results.Text(Resource(file), ContentTypes[file], Encoding.UTF8));
        }

        page.MapGet("/api/view", (HmiEngine engine, IOptions<GuiOptions> options) => Results.Json(View(engine, options), Json));
        page.MapGet("/api/events", StreamAsync);
    }

    private static object View(HmiEngine engine, IOptions<GuiOptions> options) =>
        WatchView.Of(engine.Current, engine.History, options.Value.Language);

    private static async Task StreamAsync(HttpContext context)
    {
        var engine = context.RequestServices.GetRequiredService<HmiEngine>();
        var options = context.RequestServices.GetRequiredService<IOptions<GuiOptions>>();
        context.Response.ContentType = "text/event-stream; charset=utf-8";
        context.Response.Headers.CacheControl = "no-cache";
        try
        {
            await foreach (var snapshot in engine.WatchAsync(everyAction: true, context.RequestAborted))
            {
                var json = JsonSerializer.Serialize(WatchView.Of(snapshot, engine.History, options.Value.Language), Json);
                await context.Response.WriteAsync($"data: {json}\n\n", context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The page was closed.
        }
    }

    private static string Resource(string name)
    {
        using var stream = typeof(WatchPage).Assembly.GetManifestResourceStream($"Cockpit.Gui.wwwroot.{name}")
            ?? throw new InvalidOperationException($"embedded page file '{name}' is missing from the build");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
