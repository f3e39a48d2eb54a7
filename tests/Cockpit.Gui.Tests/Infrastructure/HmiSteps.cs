using Cockpit.Hmi.V1;
using Grpc.Core;

namespace Cockpit.Gui.Tests.Infrastructure;

/// <summary>Short forms of the actions a test takes, and waits for what the HMI shows.</summary>
public static class HmiSteps
{
    public static async Task<ActResponse> TapAsync(this Cockpit.Hmi.V1.Hmi.HmiClient client, string elementId) =>
        await client.ActAsync(new ActRequest { Tap = new Tap { ElementId = elementId } });

    public static async Task<ActResponse> OpenAsync(this Cockpit.Hmi.V1.Hmi.HmiClient client, string app) =>
        await client.ActAsync(new ActRequest { OpenApp = new OpenApp { App = app } });

    public static async Task<ActResponse> TypeAsync(this Cockpit.Hmi.V1.Hmi.HmiClient client, string elementId, string text) =>
        await client.ActAsync(new ActRequest { Type = new TypeText { ElementId = elementId, Text = text } });

    public static async Task<ActResponse> ScrollAsync(this Cockpit.Hmi.V1.Hmi.HmiClient client, string elementId, ScrollDirection direction) =>
        await client.ActAsync(new ActRequest { Scroll = new Scroll { ElementId = elementId, Direction = direction } });

    public static async Task<ActResponse> SlideAsync(this Cockpit.Hmi.V1.Hmi.HmiClient client, string elementId, double value) =>
        await client.ActAsync(new ActRequest { Slide = new Slide { ElementId = elementId, Value = value } });

    public static async Task<State> StateAsync(this Cockpit.Hmi.V1.Hmi.HmiClient client) =>
        await client.GetStateAsync(new GetStateRequest());

    public static string Text(this State state, string key) => state.Values[key].StringValue;

    public static bool Flag(this State state, string key) => state.Values[key].BoolValue;

    public static Element? Find(this Screen screen, string id) => screen.Elements.FirstOrDefault(e => e.Id == id);

    /// <summary>Polls until the screen satisfies the condition (vehicle values arrive asynchronously).</summary>
    public static async Task<Screen> WaitForScreenAsync(this Cockpit.Hmi.V1.Hmi.HmiClient client, Func<Screen, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var screen = await client.GetScreenAsync(new GetScreenRequest());
            if (condition(screen))
            {
                return screen;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the screen never showed {what}; last: {screen}");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Runs a call that must fail and returns its status.</summary>
    public static async Task<Status> FailsAsync(Func<Task> call)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(call);
        return ex.Status;
    }
}
