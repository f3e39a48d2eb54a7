using System.Net;
using Cockpit.Gui.Security;
using Cockpit.Gui.Vehicle;
using Cockpit.Hmi.V1;
using Cockpit.Testing;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cockpit.Gui.Tests.Infrastructure;

/// <summary>Cockpit.Gui on 127.0.0.1, port 0: gRPC over HTTP/2 and the watch page over HTTP/1.1, with a real channel.</summary>
public sealed class GuiHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly GrpcChannel _channel;

    private GuiHost(WebApplication app, Uri grpc, Uri page, LogCapture logs)
    {
        _app = app;
        GrpcAddress = grpc;
        PageAddress = page;
        Logs = logs;
        _channel = CreateChannel(VehicleTestKeys.Issue(AllScopes, "test-bench"));
        Client = new Cockpit.Hmi.V1.Hmi.HmiClient(_channel);
    }

    /// <summary>Every scope the HMI knows.</summary>
    public const string AllScopes = $"{HmiScopes.Observe} {HmiScopes.Act} {HmiScopes.Simulate}";

    /// <summary>A token for the watch page (observe), signed with <see cref="VehicleTestKeys"/>.</summary>
    public static string PageToken { get; } = VehicleTestKeys.Issue(HmiScopes.Observe, "page");

    public Cockpit.Hmi.V1.Hmi.HmiClient Client { get; }

    public Uri GrpcAddress { get; }

    public Uri PageAddress { get; }

    public LogCapture Logs { get; }

    /// <summary>A channel whose calls carry <paramref name="token"/> (none when null); the caller disposes it.</summary>
    public GrpcChannel CreateChannel(string? token) => GrpcChannels.ForAddress(GrpcAddress, token);

    /// <summary>An HTTP client for the watch page whose requests carry the page's token.</summary>
    public HttpClient CreatePageClient()
    {
        var http = new HttpClient { BaseAddress = PageAddress };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", PageToken);
        return http;
    }

    /// <summary>
    /// Starts the HMI, trusting tokens signed with <see cref="VehicleTestKeys"/>; <see cref="Client"/> holds every scope.
    /// <paramref name="vehicleAddress"/> empty runs it without a car. Unless <paramref name="configure"/> sets
    /// one, the HMI's vehicle token is the one the embedded default issues it: <see cref="HmiVehicleScope"/>, signed with
    /// <see cref="VehicleTestKeys"/>.
    /// </summary>
    public static async Task<GuiHost> StartAsync(string vehicleAddress = "", Action<GuiOptions>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        var logs = new LogCapture();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Information);
        builder.Services.Configure<GuiAuthorizationOptions>(options => options.PublicKey = VehicleTestKeys.PublicKeyPem);
        builder.Services.AddCockpitGui(options =>
        {
            options.VehicleAddress = vehicleAddress;
            options.ReconnectDelay = TimeSpan.FromMilliseconds(100);
            configure?.Invoke(options);
            if (options.VehicleAddress.Length > 0 && options.VehicleToken is null)
            {
                options.VehicleToken = VehicleTestKeys.Issue(HmiVehicleScope.For(options), "hmi");
            }
        });

        ListenOptions? grpc = null;
        ListenOptions? page = null;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0, listen => { listen.Protocols = HttpProtocols.Http2; grpc = listen; });
            kestrel.Listen(IPAddress.Loopback, 0, listen => { listen.Protocols = HttpProtocols.Http1; page = listen; });
        });

        var app = builder.Build();
        app.MapCockpitGui();
        await app.StartAsync();
        return new GuiHost(app, Address(grpc!), Address(page!), logs);
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static Uri Address(ListenOptions listen) => new($"http://127.0.0.1:{((IPEndPoint)listen.EndPoint).Port}");
}
