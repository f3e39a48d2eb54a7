using Cockpit.ServiceDefaults.Grpc;
using Grpc.Net.Client;
using Kuksa.Val.V2;
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
    private readonly GrpcChannel _vehicle;

    public ConsoleClients(IOptions<ConsoleOptions> options)
    {
        var value = options.Value;
        _agent = Open(value.AgentAddress, value.ResolveAgentToken());
        _hmi = Open(value.HmiAddress, value.ResolveHmiToken());
        _vehicle = Open(value.VehicleAddress, value.ResolveVehicleToken());
        Agent = new AgentClient(_agent);
        Hmi = new HmiClient(_hmi);
        Vehicle = new VAL.VALClient(_vehicle);
    }

    /// <summary>The agent: Converse, ConverseVoice, WatchInteractions, GetReport.</summary>
    public AgentClient Agent { get; }

    /// <summary>The HMI: WatchScreen.</summary>
    public HmiClient Hmi { get; }

    /// <summary>The vehicle service: Subscribe to the car panel's signals.</summary>
    public VAL.VALClient Vehicle { get; }

    public void Dispose()
    {
        _agent.Dispose();
        _hmi.Dispose();
        _vehicle.Dispose();
    }

    private static GrpcChannel Open(string address, string? token) =>
        CockpitGrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            // Find a restarted service quickly; the default backoff starts at a second.
            InitialReconnectBackoff = TimeSpan.FromMilliseconds(100),
        }.WithBearerToken(token));
}
