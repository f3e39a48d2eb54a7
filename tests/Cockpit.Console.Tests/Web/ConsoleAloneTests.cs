using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cockpit.Agent.Hosting;
using Cockpit.Console.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cockpit.Console.Tests.Web;

/// <summary>
/// The console as its own host (the <c>console</c> verb) against services it did not start: only addresses, tokens and a
/// public key connect them, as on a head unit with separate units.
/// </summary>
[Collection(EmbeddedConsoleGroup.Name)]
public sealed class ConsoleAloneTests(EmbeddedConsole console) : IAsyncLifetime
{
    private WebApplication _alone = null!;

    public async Task InitializeAsync()
    {
        await console.ResetAsync();
        var services = console.Services.GetRequiredService<IOptions<ConsoleOptions>>().Value;
        var authorization = console.Authorization;
        _alone = CockpitHost.BuildConsoleOnly([
            $"--Console:Url=http://127.0.0.1:{CockpitHost.FreeTcpPort()}",
            $"--Console:AgentAddress={services.AgentAddress}",
            $"--Console:HmiAddress={services.HmiAddress}",
            $"--Console:VehicleAddress={services.VehicleAddress}",
            $"--Console:AgentToken={authorization.ConsoleToken}",
            $"--Console:HmiToken={authorization.ConsoleHmiToken}",
            $"--Console:VehicleToken={authorization.ConsoleVehicleToken}",
            $"--Console:Authorization:PublicKey={authorization.PublicKeyPem}",
            $"--Console:Authorization:Audience={EmbeddedAuthorization.ConsoleAudience}",
            $"--Console:Language=en",
            $"--Logging:File:Directory={Path.Combine(console.DataDirectory, "logs-alone")}",
            "--Logging:ConsoleLevel=Fatal",
        ]);
        await _alone.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _alone.StopAsync();
        await _alone.DisposeAsync();
        await console.ResetAsync();
    }

    [Fact]
    public async Task ConsoleAlone_AgainstRunningServices_ServesThePageStreamsTheCarAndTalks()
    {
        var address = new Uri(_alone.Services.GetRequiredService<IOptions<ConsoleOptions>>().Value.Url);
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = address };

        using var page = await http.GetAsync($"/console/?token={console.PageToken}");
        await using var events = await EventStream.OpenAsync(http);
        await events.WaitForAsync("status", status => status.GetProperty("service").GetString() == "agent" && status.GetProperty("available").GetBoolean());
        await events.WaitForCarAsync("Vehicle.Cabin.HVAC.IsAirConditioningActive", value => value.ValueKind == JsonValueKind.False);
        using var turn = await http.PostAsJsonAsync("/console/api/converse", new { text = "turn on the AC" });
        await events.WaitForCarAsync("Vehicle.Cabin.HVAC.IsAirConditioningActive", value => value.ValueKind == JsonValueKind.True);
        await events.WaitForAsync("turn", item => item.GetProperty("text").GetString() == "turn on the AC");
        await events.WaitForAsync("screen", screen => screen.GetProperty("id").GetString() is { Length: > 0 });

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<meta name=\"cockpit-language\" content=\"en\">", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, turn.StatusCode);
    }

    [Fact]
    public async Task ConsoleAlone_VehicleServiceAway_PageToldTheCarIsUnreachable()
    {
        var services = console.Services.GetRequiredService<IOptions<ConsoleOptions>>().Value;
        await using var alone = CockpitHost.BuildConsoleOnly([
            $"--Console:Url=http://127.0.0.1:{CockpitHost.FreeTcpPort()}",
            $"--Console:AgentAddress={services.AgentAddress}",
            $"--Console:HmiAddress={services.HmiAddress}",
            $"--Console:VehicleAddress=http://127.0.0.1:{CockpitHost.FreeTcpPort()}",
            $"--Console:AgentToken={console.Authorization.ConsoleToken}",
            $"--Console:HmiToken={console.Authorization.ConsoleHmiToken}",
            $"--Console:Authorization:PublicKey={console.Authorization.PublicKeyPem}",
            $"--Console:Authorization:Audience={EmbeddedAuthorization.ConsoleAudience}",
            $"--Logging:File:Directory={Path.Combine(console.DataDirectory, "logs-alone-away")}",
            "--Logging:ConsoleLevel=Fatal",
        ]);
        await alone.StartAsync();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() })
        {
            BaseAddress = new Uri(alone.Services.GetRequiredService<IOptions<ConsoleOptions>>().Value.Url),
        };
        using var page = await http.GetAsync($"/console/?token={console.PageToken}");

        await using var events = await EventStream.OpenAsync(http);
        var status = await events.WaitForAsync("status", item => item.GetProperty("service").GetString() == "vehicle" && !item.GetProperty("available").GetBoolean());

        Assert.StartsWith("Unreachable: ", status.GetProperty("message").GetString(), StringComparison.Ordinal);
        await alone.StopAsync();
    }
}
