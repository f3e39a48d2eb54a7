using Cockpit.Agent.Conversations;
using Cockpit.Agent.Evaluation;
using Cockpit.Agent.Hosting;
using Cockpit.Agent.Interactions;
using Cockpit.Testing;
using Cockpit.Vehicle.Client;
using Cockpit.Vehicle.V1;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cockpit.Agent.Tests;

/// <summary>
/// The embedded default as the eval command runs it: the simulated car and the agent in one process on
/// free loopback ports, real gRPC between them, simulated time moved by Settle, data in a temp folder.
/// </summary>
public class EmbeddedCockpit : IAsyncLifetime
{
    private WebApplication _app = null!;

    /// <summary>Further configuration arguments, e.g. a speech model.</summary>
    protected virtual IEnumerable<string> ExtraArguments => [];

    internal IServiceProvider Services => _app.Services;

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("cockpit-agent-").FullName;

    internal AgentPipeline Pipeline => _app.Services.GetRequiredService<AgentPipeline>();

    internal InteractionLog Interactions => _app.Services.GetRequiredService<InteractionLog>();

    internal Uri AgentAddress => new($"http://127.0.0.1:{_app.Services.GetRequiredService<IOptions<AgentOptions>>().Value.Port}");

    internal Uri HmiAddress => _app.Services.GetRequiredService<IOptions<AgentOptions>>().Value.HmiAddress;

    internal Uri PageAddress => new(_app.Services.GetRequiredService<IOptions<Cockpit.Gui.GuiOptions>>().Value.PageUrl);

    internal Uri VehicleAddress => _app.Services.GetRequiredService<IOptions<AgentOptions>>().Value.VehicleAddress;

    internal EmbeddedAuthorization Authorization => _app.Services.GetRequiredService<EmbeddedAuthorization>();

    internal GrpcChannel VehicleChannel { get; private set; } = null!;

    internal GrpcChannel HmiChannel { get; private set; } = null!;

    internal ScenarioRunner CreateRunner() => new(
        Pipeline,
        _app.Services.GetRequiredService<VoicePipeline>(),
        _app.Services.GetRequiredService<VehicleClient>(),
        new Simulation.SimulationClient(VehicleChannel),
        new Cockpit.Hmi.V1.Hmi.HmiClient(HmiChannel),
        Interactions);

    /// <summary>A channel to the agent whose calls carry the console's token (converse, watch); the caller disposes it.</summary>
    internal GrpcChannel CreateAgentChannel() => GrpcChannels.ForAddress(AgentAddress, Authorization.ConsoleToken);

    public async Task InitializeAsync()
    {
        // No speech model unless a fixture names one: the shipped recogniser is tested by its own fixture.
        _app = await CockpitHost.StartEmbeddedAsync([$"--Agent:DataDirectory={DataDirectory}", "--Logging:ConsoleLevel=Fatal", "--Speech:ModelPath=", .. ExtraArguments], freePorts: true, timeScale: 0);
        await _app.Services.GetRequiredService<Cockpit.Agent.Screen.ScreenAgent>().PrepareAsync(default);
        VehicleChannel = GrpcChannels.ForAddress(VehicleAddress, Authorization.BenchToken);
        HmiChannel = GrpcChannels.ForAddress(_app.Services.GetRequiredService<IOptions<AgentOptions>>().Value.HmiAddress, Authorization.BenchHmiToken);
    }

    public async Task DisposeAsync()
    {
        VehicleChannel.Dispose();
        HmiChannel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(DataDirectory, recursive: true);
    }
}
