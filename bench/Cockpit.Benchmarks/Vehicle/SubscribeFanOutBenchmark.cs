using BenchmarkDotNet.Attributes;
using Cockpit.Testing;
using Cockpit.Vehicle.Simulation;
using Cockpit.Vehicle.Vss;
using Grpc.Core;
using Grpc.Net.Client;
using Kuksa.Val.V2;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cockpit.Benchmarks.Vehicle;

/// <summary>
/// Subscribe fan-out: 100 gRPC subscribers (each on its own channel with its own token subject, as 100 apps would be) follow the same
/// signals; one round actuates 1000 changes inside the service and ends when every subscriber has received
/// all 1000 updates. One operation is one update delivered to one subscriber, so Updates/s is the delivered rate.
/// </summary>
/// <remarks>
/// The changes are made in-process so the producer's own round trips do not cap the rate being measured.
/// The baseline changes one signal (one update per message); the other spreads the changes over ten
/// signals, which lets a lagging subscriber's stream carry several updates per message.
/// </remarks>
[Config(typeof(FanOutConfig))]
public class SubscribeFanOutBenchmark
{
    private const int Subscribers = 100;
    private const int ChangesPerRound = 1000;
    private const int Deliveries = Subscribers * ChangesPerRound;

    private VehicleServiceHost _host = null!;
    private SimulatedVehicle _vehicle = null!;
    private VssEntry[] _signals = null!;
    private readonly bool[] _state = new bool[10];
    private readonly List<GrpcChannel> _channels = [];
    private readonly List<AsyncServerStreamingCall<SubscribeResponse>> _calls = [];
    private readonly List<Task> _readers = [];
    private long _target;
    private int _remaining;
    private TaskCompletionSource _allDelivered = new();

    /// <summary>Starts the service and 100 subscribers to ten lamp and mirror switches.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _host = VehicleServiceHost.StartAsync(services: services =>
            services.Configure<LoggerFilterOptions>(filter => filter.MinLevel = LogLevel.Warning)).GetAwaiter().GetResult();
        _vehicle = _host.Services.GetRequiredService<SimulatedVehicle>();
        // Lamps, mirrors and the trunk lock: immediate switches (the trunk lid itself moves for 3 s).
        _signals = [.. _vehicle.Catalog.Match("Vehicle.Body.**").Where(entry => entry.IsActuator && entry.DataType == VssDataType.Boolean && !entry.Path.EndsWith(".IsOpen", StringComparison.Ordinal)).Take(10)];
        for (var index = 0; index < Subscribers; index++)
        {
            // One subject each: one caller may hold only Vehicle:MaxSubscriptionsPerCaller (50) subscriptions.
            var channel = _host.CreateChannel(VehicleTestKeys.Issue(subject: $"app-{index}"));
            var call = new VAL.VALClient(channel).Subscribe(new SubscribeRequest { SignalPaths = { _signals.Select(entry => entry.Path) }, BufferSize = 1000 });
            if (!call.ResponseStream.MoveNext().GetAwaiter().GetResult())
            {
                throw new InvalidOperationException("a subscription ended before its first message");
            }

            _channels.Add(channel);
            _calls.Add(call);
            _readers.Add(Task.Run(() => Read(call.ResponseStream)));
        }
    }

    /// <summary>Ends the subscriptions and stops the service.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var call in _calls)
        {
            call.Dispose();
        }

        Task.WhenAll(_readers).ContinueWith(_ => { }, TaskScheduler.Default).GetAwaiter().GetResult();
        foreach (var channel in _channels)
        {
            channel.Dispose();
        }

        _host.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>1000 changes of one signal: every delivery is its own message.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Deliveries)]
    public Task OneSignal() => Round(1);

    /// <summary>1000 changes spread over ten signals.</summary>
    [Benchmark(OperationsPerInvoke = Deliveries)]
    public Task TenSignals() => Round(10);

    private Task Round(int signalCount)
    {
        _allDelivered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _remaining, Subscribers);
        Interlocked.Add(ref _target, ChangesPerRound);
        for (var index = 0; index < ChangesPerRound; index++)
        {
            var which = index % signalCount;
            _state[which] = !_state[which];
            _vehicle.Actuate([(_signals[which], _state[which])]);
        }

        return _allDelivered.Task;
    }

    private async Task Read(IAsyncStreamReader<SubscribeResponse> stream)
    {
        long received = 0;
        long counted = 0;
        try
        {
            while (await stream.MoveNext())
            {
                received += stream.Current.Entries.Count;
                var target = Interlocked.Read(ref _target);
                if (received >= target && counted < target)
                {
                    counted = target;
                    if (Interlocked.Decrement(ref _remaining) == 0)
                    {
                        _allDelivered.TrySetResult();
                    }
                }
            }
        }
        catch (RpcException error) when (error.StatusCode == StatusCode.Cancelled)
        {
            // cleanup cancels the subscription
        }
    }
}
