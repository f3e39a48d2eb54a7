using System.Net;
using Cockpit.Agent.Screen;
using Cockpit.Gui;
using Cockpit.Gui.Security;
using Cockpit.Gui.Vehicle;
using Cockpit.Hmi.V1;
using Cockpit.Testing;
using Cockpit.Understanding;
using Cockpit.Understanding.Resolution;
using Cockpit.Vehicle.Client;
using Grpc.Net.Client;
using Kuksa.Val.V2;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Cockpit.Agent.Tests.Screen;

/// <summary>
/// The real vehicle service and the real HMI (Cockpit.Gui) on 127.0.0.1 with free ports, and a GUI agent
/// (registered with AddScreenAgent) that operates the HMI over gRPC. One per test class: the UI map is learned once.
/// </summary>
public class ScreenAgentHost : IAsyncLifetime
{
    private WebApplication _gui = null!;
    private ServiceProvider _agentServices = null!;

    public VehicleServiceHost Vehicle { get; private set; } = null!;

    public CapturedLogs Logs { get; } = new();

    public Uri HmiAddress { get; private set; } = null!;

    public GrpcChannel HmiChannel { get; private set; } = null!;

    public Cockpit.Hmi.V1.Hmi.HmiClient Hmi { get; private set; } = null!;

    internal ScreenAgent Agent => _agentServices.GetRequiredService<ScreenAgent>();

    public async Task InitializeAsync()
    {
        Vehicle = await VehicleServiceHost.StartAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders().AddProvider(Logs);
        builder.Services.Configure<GuiAuthorizationOptions>(options => options.PublicKey = VehicleTestKeys.PublicKeyPem);
        builder.Services.AddCockpitGui(options =>
        {
            options.VehicleAddress = Vehicle.Address.ToString();
            options.VehicleToken = VehicleTestKeys.Issue(HmiVehicleScope.For(options), "hmi");
            ConfigureGui(options);
        });
        ListenOptions? grpc = null;
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => { listen.Protocols = HttpProtocols.Http2; grpc = listen; }));
        _gui = builder.Build();
        _gui.MapCockpitGui();
        await _gui.StartAsync();
        HmiAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)grpc!.EndPoint).Port}");
        HmiChannel = GrpcChannels.ForAddress(HmiAddress, VehicleTestKeys.Issue($"{HmiScopes.Observe} {HmiScopes.Act} {HmiScopes.Simulate}", "test-bench"));
        Hmi = new Cockpit.Hmi.V1.Hmi.HmiClient(HmiChannel);
        _agentServices = CreateAgentServices(_ => { });
        await Agent.PrepareAsync(CancellationToken.None);
    }

    /// <summary>Further HMI options, e.g. generated content.</summary>
    protected virtual void ConfigureGui(GuiOptions options)
    {
    }

    /// <summary>
    /// A second agent on the same HMI, with its own budgets; <paramref name="replace"/> registers services before the
    /// agent's own (a different HMI client). The agent reads the car with a read-only token.
    /// </summary>
    internal ServiceProvider CreateAgentServices(Action<ScreenAgentOptions> configure, Action<IServiceCollection>? replace = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));
        services.Configure(configure);
        replace?.Invoke(services);
        services.TryAddSingleton(new Cockpit.Hmi.V1.Hmi.HmiClient(
            GrpcChannels.ForAddress(HmiAddress, VehicleTestKeys.Issue($"{HmiScopes.Observe} {HmiScopes.Act} {HmiScopes.Simulate}", "agent"))));
        services.AddSingleton(provider => new VehicleClient(
            new VehicleClientOptions { Address = Vehicle.Address.ToString(), Token = VehicleTestKeys.Issue("read", "agent-screen") },
            TimeProvider.System,
            provider.GetRequiredService<ILogger<VehicleClient>>()));
        services.AddScreenAgent();
        return services.BuildServiceProvider();
    }

    /// <summary>Puts the HMI in a known state: defaults, then the given keys (e.g. app = media).</summary>
    public async Task ResetAsync(params (string Key, object Value)[] given)
    {
        var request = new ResetRequest();
        foreach (var (key, value) in given)
        {
            request.Given[key] = value is bool b ? new StateValue { BoolValue = b } : new StateValue { StringValue = (string)value };
        }

        await Hmi.ResetAsync(request);
    }

    public async Task<State> StateAsync() => await Hmi.GetStateAsync(new GetStateRequest());

    /// <summary>A screen task as the resolver hands it over, its text slot cut from the utterance.</summary>
    internal static ScreenTask Task(string function, string? value = null, string? slot = null, string? utterance = null, string? text = null)
    {
        var spans = new Dictionary<string, TextSpan>(StringComparer.Ordinal);
        if (slot is not null && text is not null)
        {
            var start = Math.Max(0, (utterance ?? text).IndexOf(text, StringComparison.Ordinal));
            spans[slot] = new TextSpan(start, text.Length, text);
        }

        return new ScreenTask(function, null, value, spans);
    }

    public async Task DisposeAsync()
    {
        await _agentServices.DisposeAsync();
        HmiChannel.Dispose();
        await _gui.StopAsync();
        await _gui.DisposeAsync();
        await Vehicle.DisposeAsync();
    }
}
