using Cockpit.Vehicle;
using Cockpit.Vehicle.Security;
using Cockpit.Vehicle.V1;
using Grpc.Net.Client;
using Kuksa.Val.V2;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cockpit.Testing;

/// <summary>
/// The real vehicle service on 127.0.0.1 with a free port (HTTP/2), and a real gRPC channel to it.
/// Simulated time stands still unless a test asks otherwise, so tests move it with Settle. The service trusts
/// <see cref="VehicleTestKeys"/>, and <see cref="Channel"/> carries a token with every scope, so tests exercise the
/// real authorization path; <see cref="CreateChannel"/> makes channels with other tokens.
/// </summary>
public sealed class VehicleServiceHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private VehicleServiceHost(WebApplication app, Uri address, CapturedLogs logs)
    {
        _app = app;
        Logs = logs;
        Address = address;
        Channel = CreateChannel(VehicleTestKeys.Issue(VehicleTestKeys.AllScopes, "test-bench"));
        Val = new VAL.VALClient(Channel);
        Simulation = new Simulation.SimulationClient(Channel);
    }

    /// <summary>Where the service listens, e.g. http://127.0.0.1:40123.</summary>
    public Uri Address { get; }

    /// <summary>A channel to the service whose calls carry a token with every scope.</summary>
    public GrpcChannel Channel { get; }

    /// <summary>The kuksa.val.v2 client.</summary>
    public VAL.VALClient Val { get; }

    /// <summary>The simulation control client.</summary>
    public Simulation.SimulationClient Simulation { get; }

    /// <summary>The service's own service provider (for white-box checks).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Logs written by the service, for asserting that no unexpected error was logged.</summary>
    public CapturedLogs Logs { get; }

    /// <summary>A channel to the service whose calls carry <paramref name="token"/> (none when null); the caller disposes it.</summary>
    public GrpcChannel CreateChannel(string? token) => GrpcChannels.ForAddress(Address, token);

    /// <summary>
    /// Starts the service; <paramref name="configure"/> adjusts its options after the test defaults (port 0,
    /// time scale 0), and <paramref name="services"/> registers services before the vehicle's own (e.g. a
    /// <c>FakeTimeProvider</c> as <see cref="TimeProvider"/>, a logging filter, or other
    /// <see cref="VehicleAuthorizationOptions"/> than the default: tokens signed with <see cref="VehicleTestKeys"/>).
    /// </summary>
    public static async Task<VehicleServiceHost> StartAsync(Action<VehicleOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        var logs = new CapturedLogs();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders().AddProvider(logs);
        builder.Services.Configure<VehicleAuthorizationOptions>(options => options.PublicKey = VehicleTestKeys.PublicKeyPem);
        services?.Invoke(builder.Services);
        builder.Services.AddCockpitVehicle(options =>
        {
            options.Port = 0;
            options.TimeScale = 0;
            configure?.Invoke(options);
        });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenForCockpitVehicle());
        var app = builder.Build();
        app.MapCockpitVehicle();
        try
        {
            await app.StartAsync();
        }
        catch
        {
            // e.g. invalid options: free the half-started host before the test sees the error
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new VehicleServiceHost(app, new Uri(address), logs);
    }

    /// <summary>Stops the service gracefully, as the host does on SIGTERM.</summary>
    public Task StopAsync() => _app.StopAsync();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.DisposeAsync();
    }
}
