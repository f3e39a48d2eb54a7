using Cockpit.ServiceDefaults.Grpc;
using Cockpit.Vehicle.Client;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using AgentClient = Cockpit.Agent.V1.Agent.AgentClient;
using HmiClient = Cockpit.Hmi.V1.Hmi.HmiClient;

namespace Cockpit.Console.Upstream;

/// <summary>
/// The console's clients of the three services, each over its own channel with its own token from
/// <see cref="ConsoleOptions"/>: the console reaches them only over gRPC, in the embedded default as when they run apart.
/// </summary>
internal sealed class ConsoleClients : IDisposable
{
    private readonly GrpcChannel _agent;
    private readonly GrpcChannel _hmi;

    public ConsoleClients(IOptions<ConsoleOptions> options, TimeProvider time, ILoggerFactory loggers)
    {
        var value = options.Value;
        _agent = Open(value.AgentAddress, value.ResolveAgentToken());
        _hmi = Open(value.HmiAddress, value.ResolveHmiToken());
        Agent = new AgentClient(_agent);
        Hmi = new HmiClient(_hmi);
        // The car through the shared client; a stream that breaks is opened again by the page's pump, so no retries here.
        Vehicle = new VehicleClient(
            new VehicleClientOptions { Address = value.VehicleAddress, Token = value.ResolveVehicleToken(), Retries = 0 },
            time,
            loggers.CreateLogger<VehicleClient>());
    }

    /// <summary>The agent: Converse, ConverseVoice, WatchInteractions, GetReport.</summary>
    public AgentClient Agent { get; }

    /// <summary>The HMI: WatchScreen.</summary>
    public HmiClient Hmi { get; }

    /// <summary>The vehicle service: the car panel's signals as they change.</summary>
    public VehicleClient Vehicle { get; }

    public void Dispose()
    {
        _agent.Dispose();
        _hmi.Dispose();
        Vehicle.Dispose();
    }

    private static GrpcChannel Open(string address, string? token) =>
        CockpitGrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            // Find a restarted service quickly; the default backoff starts at a second.
            InitialReconnectBackoff = TimeSpan.FromMilliseconds(100),
        }.WithBearerToken(token));
}
