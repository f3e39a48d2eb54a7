using System.Net;
using Cockpit.Agent;
using Cockpit.Agent.Hosting;
using Cockpit.Agent.Interactions;
using Cockpit.Agent.Screen;
using Cockpit.Gui;
using Cockpit.Testing;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using HmiService = Cockpit.Hmi.V1.Hmi;
using Simulation = Cockpit.Vehicle.V1.Simulation;

namespace Cockpit.Console.Tests.Infrastructure;

/// <summary>
/// The embedded default as a person runs it — the simulated car, the HMI, the agent and the console in one process on
/// free loopback ports, talking over real gRPC — with simulated time standing still (Settle moves it) and data in a
/// temporary folder. The console is reached only over HTTP, as a browser would.
/// </summary>
public sealed class EmbeddedConsole : IAsyncLifetime
{
    private WebApplication _app = null!;

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("cockpit-console-").FullName;

    internal IServiceProvider Services => _app.Services;

    internal EmbeddedAuthorization Authorization => Services.GetRequiredService<EmbeddedAuthorization>();

    /// <summary>The console's listener, e.g. http://127.0.0.1:41234/.</summary>
    internal Uri ConsoleAddress => new(Services.GetRequiredService<IOptions<ConsoleOptions>>().Value.Url);

    /// <summary>The HMI watch page's listener, another HTTP/1.1 port of the same host.</summary>
    internal Uri HmiPageAddress => new(Services.GetRequiredService<IOptions<GuiOptions>>().Value.PageUrl);

    /// <summary>The person's token for the console's page (scope console).</summary>
    internal string PageToken => Authorization.ConsolePageToken;

    internal InteractionLog Interactions => Services.GetRequiredService<InteractionLog>();

    /// <summary>The test bench's channel to the vehicle service (read, simulate).</summary>
    internal GrpcChannel VehicleChannel { get; private set; } = null!;

    internal GrpcChannel HmiChannel { get; private set; } = null!;

    internal Simulation.SimulationClient Simulation => new(VehicleChannel);

    public async Task InitializeAsync()
    {
        _app = await CockpitHost.StartEmbeddedAsync([$"--Agent:DataDirectory={DataDirectory}", "--Logging:ConsoleLevel=Fatal", "--Speech:ModelPath="], freePorts: true, timeScale: 0);

        // Exploring the HMI touches the car for a moment; it happens before any test looks at the car.
        await Services.GetRequiredService<ScreenAgent>().PrepareAsync(default);
        var agent = Services.GetRequiredService<IOptions<AgentOptions>>().Value;
        VehicleChannel = GrpcChannels.ForAddress(agent.VehicleAddress, Authorization.BenchToken);
        HmiChannel = GrpcChannels.ForAddress(agent.HmiAddress, Authorization.BenchHmiToken);
    }

    public async Task DisposeAsync()
    {
        VehicleChannel.Dispose();
        HmiChannel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();

        // The structured log stays with the test output, to read after a failure.
        var logs = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "logs")).FullName;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(DataDirectory, "logs")))
        {
            File.Copy(file, Path.Combine(logs, Path.GetFileName(file)), overwrite: true);
        }

        Directory.Delete(DataDirectory, recursive: true);
    }

    /// <summary>Fails when anything in the process logged an error or worse (the structured log under the data folder).</summary>
    internal void AssertNoErrorsLogged()
    {
        var errors = Directory.EnumerateFiles(Path.Combine(DataDirectory, "logs"))
            .SelectMany(file =>
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                using var reader = new StreamReader(stream);
                return reader.ReadToEnd().Split('\n');
            })
            .Where(line => line.Contains("\"@l\":\"Error\"", StringComparison.Ordinal) || line.Contains("\"@l\":\"Fatal\"", StringComparison.Ordinal))
            .ToList();
        Assert.True(errors.Count == 0, $"errors were logged:\n{string.Join('\n', errors)}");
    }

    /// <summary>A fresh car and HMI: everything closed and off, the home screen.</summary>
    internal async Task ResetAsync()
    {
        await Simulation.ResetAsync(new Vehicle.V1.ResetRequest());
        await new HmiService.HmiClient(HmiChannel).ResetAsync(new Hmi.V1.ResetRequest());
    }

    /// <summary>An HTTP client holding the console's cookie, as a browser does after opening the printed address.</summary>
    internal async Task<HttpClient> CreatePageClientAsync()
    {
        var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = ConsoleAddress };
        using var page = await http.GetAsync($"/console/?token={PageToken}");
        page.EnsureSuccessStatusCode();
        return http;
    }
}

/// <summary>The tests that share one embedded default; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class EmbeddedConsoleGroup : ICollectionFixture<EmbeddedConsole>
{
    public const string Name = "embedded console";
}
