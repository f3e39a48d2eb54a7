using System.Net;
using System.Net.Http.Json;
using Cockpit.Console.Tests.Infrastructure;

namespace Cockpit.Console.Tests.Web;

/// <summary>Who may open the console: a token with the scope console, a Host naming its listener, acts from its own page.</summary>
[Collection(EmbeddedConsoleGroup.Name)]
public sealed class ConsoleAccessTests(EmbeddedConsole console)
{
    [Theory]
    [InlineData("/console/")]
    [InlineData("/console/app.js")]
    [InlineData("/console/api/events")]
    [InlineData("/console/api/report")]
    public async Task Get_NoToken_Unauthorized(string path)
    {
        using var http = new HttpClient { BaseAddress = console.ConsoleAddress };

        using var response = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("no token", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Converse_NoToken_UnauthorizedAndNothingSaid()
    {
        using var http = new HttpClient { BaseAddress = console.ConsoleAddress };
        var before = console.Interactions.Count;

        using var response = await http.PostAsJsonAsync("/console/api/converse", new { text = "open the sunroof" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, console.Interactions.Count);
    }

    [Fact]
    public async Task Get_ForeignHost_MisdirectedEvenWithTheToken()
    {
        using var http = new HttpClient { BaseAddress = console.ConsoleAddress };
        using var rebound = new HttpRequestMessage(HttpMethod.Get, $"/console/?token={console.PageToken}") { Headers = { Host = "evil.example:80" } };
        using var samePortOtherName = new HttpRequestMessage(HttpMethod.Get, $"/console/?token={console.PageToken}") { Headers = { Host = $"evil.example:{console.ConsoleAddress.Port}" } };

        using var foreign = await http.SendAsync(rebound);
        using var renamed = await http.SendAsync(samePortOtherName);

        Assert.Equal(HttpStatusCode.MisdirectedRequest, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.MisdirectedRequest, renamed.StatusCode);
    }

    [Fact]
    public async Task Get_TokenInAddress_RedirectsWithoutItAndServesByCookie()
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = console.ConsoleAddress };

        using var page = await http.GetAsync($"/console/?token={console.PageToken}");
        using var script = await http.GetAsync("/console/app.js");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("/console/", page.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.DoesNotContain("token=", page.RequestMessage.RequestUri.Query, StringComparison.Ordinal);
        var cookie = Assert.Single(cookies.GetAllCookies());
        Assert.Equal(("cockpit_console", true), (cookie.Name, cookie.HttpOnly));
        Assert.Contains("<meta name=\"cockpit-language\" content=\"zh\">", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("default-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single().Split(';')[0]);
        Assert.Equal((HttpStatusCode.OK, "text/javascript"), (script.StatusCode, script.Content.Headers.ContentType?.MediaType));
    }

    [Theory]
    [InlineData("agent")]  // the console's own token for the agent: another audience
    [InlineData("hmi")]    // the HMI watch page's token
    [InlineData("forged")] // signed with another key
    public async Task Get_TokenNotForTheConsole_Unauthorized(string which)
    {
        var token = which switch
        {
            "agent" => console.Authorization.ConsoleToken,
            "hmi" => console.Authorization.PageToken,
            _ => ForgedToken(),
        };
        using var http = new HttpClient { BaseAddress = console.ConsoleAddress };

        using var response = await http.GetAsync($"/console/?token={token}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("http://127.0.0.1:1", null)]     // a page on another port of this machine: same site, another origin
    [InlineData("http://evil.example", null)]
    [InlineData(null, "same-site")]
    [InlineData(null, "cross-site")]
    public async Task Converse_FromAnotherOrigin_ForbiddenAndNothingSaid(string? origin, string? fetchSite)
    {
        using var http = await console.CreatePageClientAsync();
        var before = console.Interactions.Count;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/console/api/converse") { Content = JsonContent.Create(new { text = "open the sunroof" }) };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        if (fetchSite is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        }

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("requests that act must come from the console's own page", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, console.Interactions.Count);
    }

    [Fact]
    public async Task Get_OnAnotherListenerOfTheHost_NotFound()
    {
        // The embedded default maps every endpoint on every listener; the console answers only on its own.
        using var http = new HttpClient { BaseAddress = console.HmiPageAddress };

        using var response = await http.GetAsync($"/console/?token={console.PageToken}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static string ForgedToken()
    {
        var (privateKey, _) = ServiceDefaults.Security.TokenKeys.CreateRsaPem();
        return new ServiceDefaults.Security.TokenIssuer(privateKey).Issue("person", "console", TimeSpan.FromHours(1), "cockpit-embedded", "cockpit-console");
    }
}
