using Cockpit.Hmi.V1;
using Cockpit.Testing;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Kuksa.Val.V2;
using Microsoft.Extensions.DependencyInjection;

namespace Cockpit.Agent.Tests.Screen;

/// <summary>Screen tasks touch only what they must: what else changes is named, and the HMI's part put back.</summary>
public sealed class ScreenSideEffectTests(ScreenAgentHost host) : IClassFixture<ScreenAgentHost>, IAsyncLifetime
{
    private const string RearWiper = "Vehicle.Body.Windshield.Rear.Wiping.Mode";
    private const string AmbientColor = "Vehicle.Cabin.Light.AmbientLight.Row1.DriverSide.Color";

    public async Task InitializeAsync() => await host.Vehicle.Simulation.ResetAsync(new Cockpit.Vehicle.V1.ResetRequest());

    public Task DisposeAsync() => Task.CompletedTask;

    // The home screen's button says 音乐; the catalog's words for the media app say 多媒体 and "music app".
    [Theory]
    [InlineData("zh", "打开音乐", "音乐")]
    [InlineData("en", "open music", "music")]
    [InlineData("en", "open the music app", "the music app")]
    public async Task RunAsync_OpenAppByWhatItsButtonSays_MediaInFront(string language, string utterance, string said)
    {
        await host.ResetAsync(("app", "home"));

        var result = await host.Agent.RunAsync(ScreenAgentHost.Task("screen.open_app", slot: "target", utterance: utterance, text: said), utterance, language, default);

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal("media", (await host.StateAsync()).Values["app"].StringValue);
    }

    [Theory]
    [InlineData("zh", "后雨刮")]
    [InlineData("en", "rear wiper")]
    public async Task RunAsync_BluetoothSwitchAlsoMovesRearWiper_FailsNamingTheWiper(string language, string named)
    {
        await using var services = host.CreateAgentServices(_ => { }, s => s.AddSingleton(new Cockpit.Hmi.V1.Hmi.HmiClient(
            host.HmiChannel.Intercept(new AfterTap("settings.bluetooth.switch", MoveRearWiperAsync)))));
        var agent = services.GetRequiredService<Cockpit.Agent.Screen.ScreenAgent>();
        await agent.PrepareAsync(default); // Exploring taps the switch too.
        await host.Vehicle.Simulation.ResetAsync(new Cockpit.Vehicle.V1.ResetRequest());
        await host.ResetAsync(("app", "home"), ("settings.bluetooth", false));

        var result = await agent.RunAsync(ScreenAgentHost.Task("screen.bluetooth", "true"), "turn bluetooth back on", language, default);

        Assert.False(result.Succeeded);
        Assert.Contains(named, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_BluetoothSwitchAlsoTurnsWifiOn_FailsNamingWifiAndPutsItBack()
    {
        await using var services = host.CreateAgentServices(_ => { }, s => s.AddSingleton(new Cockpit.Hmi.V1.Hmi.HmiClient(
            host.HmiChannel.Intercept(new AfterTap("settings.bluetooth.switch", () => host.ResetAsync(("app", "settings"), ("settings.bluetooth", true), ("settings.wifi", true)))))));
        var agent = services.GetRequiredService<Cockpit.Agent.Screen.ScreenAgent>();
        await agent.PrepareAsync(default);
        await host.ResetAsync(("app", "home"), ("settings.bluetooth", false), ("settings.wifi", false));

        var result = await agent.RunAsync(ScreenAgentHost.Task("screen.bluetooth", "true"), "打开蓝牙", "zh", default);

        Assert.False(result.Succeeded);
        Assert.Equal("操作时无线网络也被改动了，已改回原样，没有算作完成", result.Reason);
        var state = await host.StateAsync();
        Assert.False(state.Values["settings.wifi"].BoolValue);
        Assert.True(state.Values["settings.bluetooth"].BoolValue);
    }

    [Fact]
    public async Task RunAsync_SwitchBluetoothOn_SucceedsWithNothingElseChanged()
    {
        await host.ResetAsync(("app", "home"), ("settings.bluetooth", false));
        var before = await Values(RearWiper, AmbientColor);

        var result = await host.Agent.RunAsync(ScreenAgentHost.Task("screen.bluetooth", "true"), "turn bluetooth back on", "en", default);

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal(before, await Values(RearWiper, AmbientColor));
    }

    // The slot the model cut ("两只" of 两只老虎, "Day" of Green Day) once sounded enough like 光年之外 or Yesterday to play it.
    [Theory]
    [InlineData("screen.play", "query", "zh", "播放两只", "两只", "曲库里没有找到两只")]
    [InlineData("screen.play", "query", "en", "play Day", "Day", "I couldn't find Day in the music library")]
    [InlineData("screen.play", "query", "en", "play Hotel California", "Hotel California", "I couldn't find Hotel California in the music library")]
    [InlineData("screen.navigate", "place", "zh", "导航到东京塔", "东京塔", "地图上没有找到东京塔")]
    [InlineData("screen.navigate", "place", "en", "navigate to Tokyo Tower", "Tokyo Tower", "I couldn't find a place called Tokyo Tower")]
    [InlineData("screen.call", "contact", "zh", "给张三打电话", "张三", "通讯录里没有找到张三")]
    public async Task RunAsync_NameTheContentLacks_RefusedWithoutDoingAnything(string function, string slot, string language, string utterance, string said, string reason)
    {
        await host.ResetAsync(("app", "home"));
        var hmiBefore = await host.StateAsync();
        var carBefore = await Values(RearWiper, AmbientColor, "Vehicle.Cabin.Infotainment.Media.Played.Track");

        var result = await host.Agent.RunAsync(ScreenAgentHost.Task(function, slot: slot, utterance: utterance, text: said), utterance, language, default);

        Assert.False(result.Succeeded);
        Assert.Equal(reason, result.Reason);
        Assert.Equal(0, result.Steps);
        Assert.Equal(hmiBefore, await host.StateAsync());
        Assert.Equal(carBefore, await Values(RearWiper, AmbientColor, "Vehicle.Cabin.Infotainment.Media.Played.Track"));
    }

    /// <summary>Sets the rear wiper going and waits until the car reports it (the simulation applies targets on its tick).</summary>
    private async Task MoveRearWiperAsync()
    {
        await host.Vehicle.Val.BatchActuateAsync(new BatchActuateRequest
        {
            ActuateRequests = { new ActuateRequest { SignalId = new SignalID { Path = RearWiper }, Value = new Value { String = "INTERVAL" } } },
        });
        for (var tries = 0; tries < 100 && !(await Values(RearWiper)).Contains("INTERVAL", StringComparison.Ordinal); tries++)
        {
            await Task.Delay(10);
        }
    }

    private async Task<string> Values(params string[] paths)
    {
        var request = new GetValuesRequest();
        request.SignalIds.AddRange(paths.Select(path => new SignalID { Path = path }));
        var response = await host.Vehicle.Val.GetValuesAsync(request);
        return string.Join("; ", response.DataPoints.Select(point => point.Value?.ToString() ?? "none"));
    }

    /// <summary>Makes a tap on one element change something else too, as the buggy HMI did, before the tap's answer returns.</summary>
    private sealed class AfterTap(string elementId, Func<Task> alsoChange) : Interceptor
    {
        public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
            TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
        {
            var call = continuation(request, context);
            if (request is not ActRequest { Tap.ElementId: var id } || id != elementId)
            {
                return call;
            }

            return new AsyncUnaryCall<TResponse>(
                Then(call.ResponseAsync), call.ResponseHeadersAsync, call.GetStatus, call.GetTrailers, call.Dispose);

            async Task<TResponse> Then(Task<TResponse> response)
            {
                var answer = await response;
                await alsoChange();
                return answer;
            }
        }
    }
}
