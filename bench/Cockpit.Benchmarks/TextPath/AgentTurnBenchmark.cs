using BenchmarkDotNet.Attributes;
using Cockpit.Agent.Conversations;
using Cockpit.Agent.Hosting;
using Cockpit.Benchmarks.Vehicle;
using Cockpit.Understanding;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Cockpit.Benchmarks.TextPath;

/// <summary>
/// The text path end to end on the embedded default: utterance → MoLE understanding → resolution →
/// BatchActuate over loopback gRPC → reply → interaction log. One turn at a time (latency; p50/p99), and
/// 20 conversations at once (its mean is per turn, so turns per second = 1 / mean).
/// </summary>
[Config(typeof(PerCallLatencyConfig))]
public class AgentTurnBenchmark
{
    private static readonly (string Text, string Language)[] s_utterances =
    [
        ("把主驾温度调到二十二度", "zh"),
        ("open the rear left window halfway", "en"),
        ("打开座椅加热，顺便把音量调小一点", "zh"),
        ("close the sunroof and turn on the AC", "en"),
        ("氛围灯换成蓝色", "zh"),
        ("turn on the fog lights", "en"),
    ];

    private WebApplication _app = null!;
    private AgentPipeline _pipeline = null!;
    private string _data = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _data = Directory.CreateTempSubdirectory("cockpit-bench-").FullName;
        _app = CockpitHost.StartEmbeddedAsync([$"--Agent:DataDirectory={_data}", "--Logging:ConsoleLevel=Fatal", "--Serilog:MinimumLevel:Default=Warning"], freePorts: true).GetAwaiter().GetResult();
        _app.Services.GetRequiredService<Cockpit.Agent.Screen.ScreenAgent>().PrepareAsync(default).GetAwaiter().GetResult();
        _pipeline = _app.Services.GetRequiredService<AgentPipeline>();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _app.StopAsync().GetAwaiter().GetResult();
        ((IAsyncDisposable)_app).DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_data, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "one turn")]
    public Task OneTurn()
    {
        var (text, language) = s_utterances[_next++ % s_utterances.Length];
        return _pipeline.ConverseAsync(new TurnRequest(text, language, Seat.Driver, null), CancellationToken.None);
    }

    [Benchmark(Description = "20 concurrent conversations", OperationsPerInvoke = 20)]
    public Task TwentyConversations() =>
        Task.WhenAll(Enumerable.Range(0, 20).Select(index =>
        {
            var (text, language) = s_utterances[index % s_utterances.Length];
            return _pipeline.ConverseAsync(new TurnRequest(text, language, (Seat)(index % 4), $"c{index}"), CancellationToken.None);
        }));
}
