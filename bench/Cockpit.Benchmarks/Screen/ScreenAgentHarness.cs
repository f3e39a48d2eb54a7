using System.Diagnostics;
using System.Net;
using Cockpit.Agent;
using Cockpit.Agent.Screen;
using Cockpit.Gui;
using Cockpit.Gui.Security;
using Cockpit.Gui.Vehicle;
using Cockpit.Hmi.V1;
using Cockpit.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cockpit.Benchmarks.Screen;

/// <summary>
/// The real vehicle service, the real HMI and the GUI agent in this process on loopback; runs generated screen
/// tasks and reports success rate, steps against the shortest path and milliseconds per step.
/// </summary>
public sealed class ScreenAgentHarness : IAsyncDisposable
{
    private VehicleServiceHost _vehicle = null!;
    private WebApplication _gui = null!;
    private ServiceProvider _services = null!;

    internal ScreenAgent Agent => _services.GetRequiredService<ScreenAgent>();

    internal Cockpit.Hmi.V1.Hmi.HmiClient Hmi => _services.GetRequiredService<Cockpit.Hmi.V1.Hmi.HmiClient>();

    /// <summary>Starts everything and lets the agent learn its map; <paramref name="configureGui"/> sets further HMI options.</summary>
    public static async Task<ScreenAgentHarness> StartAsync(Action<GuiOptions>? configureGui = null)
    {
        var harness = new ScreenAgentHarness { _vehicle = await VehicleServiceHost.StartAsync() };
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.Configure<GuiAuthorizationOptions>(options => options.PublicKey = VehicleTestKeys.PublicKeyPem);
        builder.Services.AddCockpitGui(options =>
        {
            options.VehicleAddress = harness._vehicle.Address.ToString();
            options.VehicleToken = VehicleTestKeys.Issue(HmiVehicleScope.For(options), "hmi");
            configureGui?.Invoke(options);
        });
        ListenOptions? grpc = null;
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => { l.Protocols = HttpProtocols.Http2; grpc = l; }));
        harness._gui = builder.Build();
        harness._gui.MapCockpitGui();
        await harness._gui.StartAsync();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddOptions<AgentOptions>().Configure(o =>
        {
            o.HmiAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)grpc!.EndPoint).Port}");
            o.HmiToken = VehicleTestKeys.Issue($"{HmiScopes.Observe} {HmiScopes.Act} {HmiScopes.Simulate}", "agent");
            o.VehicleAddress = harness._vehicle.Address;
            o.VehicleToken = VehicleTestKeys.Issue("read", "agent-screen");
        });
        services.AddScreenAgent();
        harness._services = services.BuildServiceProvider();
        await harness.Agent.PrepareAsync(CancellationToken.None);
        return harness;
    }

    /// <summary>Resets the HMI to the task's start state.</summary>
    public async Task ArrangeAsync(GeneratedScreenTask task)
    {
        var request = new ResetRequest();
        foreach (var (key, value) in task.Given)
        {
            request.Given[key] = value is bool b ? new StateValue { BoolValue = b } : new StateValue { StringValue = (string)value };
        }

        await Hmi.ResetAsync(request);
    }

    /// <summary>Runs one task from its start state; returns whether its goal holds, its steps and the agent's time.</summary>
    public async Task<(bool Succeeded, int Steps, TimeSpan Elapsed, string? Reason)> RunAsync(GeneratedScreenTask task)
    {
        await ArrangeAsync(task);
        var clock = Stopwatch.StartNew();
        var result = await Agent.RunAsync(task.Task, task.Utterance, task.Language, CancellationToken.None);
        clock.Stop();
        var state = await Hmi.GetStateAsync(new GetStateRequest());
        var value = state.Values[task.ExpectKey];
        object actual = value.KindCase == StateValue.KindOneofCase.BoolValue ? value.BoolValue : value.StringValue;
        var playing = task.ExpectKey != "media.track" || state.Values["media.playing"].BoolValue;
        return (result.Succeeded && playing && task.Expected.Contains(actual), result.Steps, clock.Elapsed, result.Reason);
    }

    /// <summary>Runs the whole set and writes a summary to <paramref name="output"/>.</summary>
    public async Task<ScreenAgentFigures> EvaluateAsync(IReadOnlyList<GeneratedScreenTask> tasks, TextWriter output)
    {
        int succeeded = 0, steps = 0, shortest = 0;
        var perStep = new List<double>();
        var byLanguage = new Dictionary<string, (int Total, int Passed)>();
        foreach (var task in tasks)
        {
            var (ok, taken, elapsed, reason) = await RunAsync(task);
            var (total, passed) = byLanguage.GetValueOrDefault(task.Language);
            byLanguage[task.Language] = (total + 1, passed + (ok ? 1 : 0));
            if (!ok)
            {
                await output.WriteLineAsync($"FAILED [{task.Language}] \"{task.Utterance}\" from {task.Given["app"]}: {reason}");
                continue;
            }

            succeeded++;
            steps += taken;
            shortest += task.ShortestSteps;
            if (taken > 0)
            {
                perStep.Add(elapsed.TotalMilliseconds / taken);
            }
        }

        perStep.Sort();
        var figures = new ScreenAgentFigures(
            tasks.Count, succeeded, (double)succeeded / tasks.Count, shortest == 0 ? 1 : (double)steps / shortest,
            perStep.Count == 0 ? 0 : perStep[perStep.Count / 2], perStep.Count == 0 ? 0 : perStep[(int)(perStep.Count * 0.95)],
            perStep.Count == 0 ? 0 : perStep[^1],
            byLanguage.ToDictionary(p => p.Key, p => (double)p.Value.Passed / p.Value.Total));
        await output.WriteLineAsync(figures.ToString());
        return figures;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _gui.StopAsync();
        await _gui.DisposeAsync();
        await _vehicle.DisposeAsync();
    }
}
