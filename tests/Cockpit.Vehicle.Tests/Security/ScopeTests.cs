using Cockpit.Testing;
using Cockpit.Vehicle.V1;
using Grpc.Core;
using Grpc.Net.Client;
using Kuksa.Val.V2;

namespace Cockpit.Vehicle.Tests.Security;

/// <summary>What a valid token may do is what its scope says, path by path; anything else is PERMISSION_DENIED and changes nothing.</summary>
public sealed class ScopeTests : IAsyncLifetime
{
    private const string DriverTemperature = "Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature";
    private const string TrunkOpen = "Vehicle.Body.Trunk.Rear.IsOpen";
    private const string TrunkLocked = "Vehicle.Body.Trunk.Rear.IsLocked";
    private const string RearRightLocked = "Vehicle.Cabin.Door.Row2.PassengerSide.IsLocked";
    private const string RearRightOpen = "Vehicle.Cabin.Door.Row2.PassengerSide.IsOpen";
    private const string Track = "Vehicle.Cabin.Infotainment.Media.Played.Track";

    private VehicleServiceHost _host = null!;

    public async Task InitializeAsync() => _host = await VehicleServiceHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    //          scope                                        call            path               outcome
    [InlineData("read",                                      "get",          "Vehicle.Speed",   StatusCode.OK)]
    [InlineData("read",                                      "actuate",      DriverTemperature, StatusCode.PermissionDenied)]
    [InlineData("read:Vehicle.Cabin.*",                      "get",          DriverTemperature, StatusCode.OK)]
    [InlineData("read:Vehicle.Cabin.*",                      "get",          "Vehicle.Speed",   StatusCode.PermissionDenied)]
    [InlineData("read:Vehicle.Cabin.*",                      "subscribe",    DriverTemperature, StatusCode.OK)]
    [InlineData("read:Vehicle.Cabin.*",                      "subscribe",    "Vehicle.Speed",   StatusCode.PermissionDenied)]
    [InlineData("read:Vehicle.Cabin",                        "get",          DriverTemperature, StatusCode.PermissionDenied)]
    [InlineData("actuate:Vehicle.Cabin.HVAC.*",              "actuate",      DriverTemperature, StatusCode.OK)]
    [InlineData("actuate:Vehicle.Cabin.HVAC.*",              "get",          DriverTemperature, StatusCode.OK)]
    [InlineData("actuate:Vehicle.Cabin.HVAC.*",              "get",          "Vehicle.Speed",   StatusCode.PermissionDenied)]
    [InlineData("actuate:Vehicle.Cabin.HVAC.*",              "actuate",      RearRightOpen,     StatusCode.PermissionDenied)]
    [InlineData("actuate:Vehicle.Cabin.Door.*.IsLocked",     "actuate",      RearRightLocked,   StatusCode.OK)]
    [InlineData("actuate:Vehicle.Cabin.Door.*.IsLocked",     "actuate",      RearRightOpen,     StatusCode.PermissionDenied)]
    [InlineData("actuate:Vehicle.Body.Trunk.Rear.IsOpen",    "actuate",      TrunkOpen,         StatusCode.OK)]
    [InlineData("actuate:Vehicle.Body.Trunk.Rear.IsOpen",    "actuate",      TrunkLocked,       StatusCode.PermissionDenied)]
    [InlineData("provide:Vehicle.Cabin.Infotainment.Media.*", "publish",     Track,             StatusCode.OK)]
    [InlineData("provide:Vehicle.Cabin.Infotainment.Media.*", "get",         Track,             StatusCode.OK)]
    [InlineData("provide:Vehicle.Cabin.Infotainment.Media.*", "actuate",     DriverTemperature, StatusCode.PermissionDenied)]
    [InlineData("read actuate",                              "publish",      Track,             StatusCode.PermissionDenied)]
    [InlineData("read actuate provide",                      "reset",        "",                StatusCode.PermissionDenied)]
    [InlineData("simulate",                                  "reset",        "",                StatusCode.OK)]
    [InlineData("simulate",                                  "get",          "Vehicle.Speed",   StatusCode.PermissionDenied)]
    [InlineData("read",                                      "streamframes", "",                StatusCode.OK)]
    [InlineData("read:Vehicle.Cabin.*",                      "streamframes", "",                StatusCode.PermissionDenied)]
    [InlineData("read actuate",                              "sendframe",    "",                StatusCode.PermissionDenied)]
    [InlineData("simulate",                                  "sendframe",    "",                StatusCode.OK)]
    public async Task Call_TokenScope_AllowedOnlyWhereTheScopeSays(string scope, string call, string path, StatusCode expected)
    {
        using var channel = _host.CreateChannel(VehicleTestKeys.Issue(scope, "scoped"));
        var before = await StateAsync();

        var status = await StatusOf(() => Run(channel, call, path));

        Assert.Equal(expected, status.StatusCode);
        if (expected == StatusCode.PermissionDenied)
        {
            Assert.Contains("permission denied: the token of 'scoped' has no", status.Detail, StringComparison.Ordinal);
            Assert.Equal(before, await StateAsync());
        }

        Assert.Empty(_host.Logs.Errors);
    }

    [Fact]
    public async Task Actuate_OutOfScope_NamesThePathAndTheMissingScope()
    {
        using var channel = _host.CreateChannel(VehicleTestKeys.Issue("read actuate:Vehicle.Body.Trunk.Rear.IsOpen", "agent"));

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            new VAL.VALClient(channel).ActuateAsync(Wire.Actuate(TrunkLocked, Wire.Bool(true))).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal($"{TrunkLocked}: permission denied: the token of 'agent' has no 'actuate' scope for this path", error.Status.Detail);
        Assert.False((await CurrentAsync(TrunkLocked)).Bool);
    }

    [Fact]
    public async Task BatchActuate_OnePathOutOfScope_NothingMoves()
    {
        using var channel = _host.CreateChannel(VehicleTestKeys.Issue("actuate:Vehicle.Cabin.HVAC.*", "climate"));
        var before = await StateAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => new VAL.VALClient(channel).BatchActuateAsync(new BatchActuateRequest
        {
            ActuateRequests = { Wire.Actuate(DriverTemperature, Wire.Float(25)), Wire.Actuate(TrunkOpen, Wire.Bool(true)) },
        }).ResponseAsync);
        await _host.Simulation.SettleAsync(new SettleRequest());

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.StartsWith($"{TrunkOpen}: permission denied", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync());
        Assert.Equal(22f, (await CurrentAsync(DriverTemperature)).Float);
    }

    [Fact]
    public async Task ListMetadata_ReadOfOneBranch_ListsOnlyThatBranch()
    {
        using var channel = _host.CreateChannel(VehicleTestKeys.Issue("read:Vehicle.Cabin.HVAC.*"));
        var client = new VAL.VALClient(channel);

        var listed = await client.ListMetadataAsync(new ListMetadataRequest { Root = "Vehicle" });
        var denied = await Assert.ThrowsAsync<RpcException>(() => client.ListMetadataAsync(new ListMetadataRequest { Root = "Vehicle.Body" }).ResponseAsync);

        Assert.NotEmpty(listed.Metadata);
        Assert.All(listed.Metadata, metadata => Assert.StartsWith("Vehicle.Cabin.HVAC.", metadata.Path, StringComparison.Ordinal));
        Assert.Contains(listed.Metadata, metadata => metadata.Path == DriverTemperature);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        Assert.StartsWith("Vehicle.Body: permission denied: the token of 'test' has no 'read' scope for any of the", denied.Status.Detail, StringComparison.Ordinal);
    }

    private async Task Run(GrpcChannel channel, string call, string path)
    {
        var val = new VAL.VALClient(channel);
        switch (call)
        {
            case "get":
                await val.GetValueAsync(new GetValueRequest { SignalId = Wire.Path(path) });
                break;
            case "actuate":
                await val.ActuateAsync(Wire.Actuate(path, path == DriverTemperature ? Wire.Float(24) : Wire.Bool(true)));
                break;
            case "publish":
                await val.PublishValueAsync(new PublishValueRequest { SignalId = Wire.Path(path), DataPoint = new Datapoint { Value = Wire.String("Yesterday") } });
                break;
            case "subscribe":
                using (var subscription = val.Subscribe(new SubscribeRequest { SignalPaths = { path } }))
                {
                    await subscription.ResponseStream.ReadNextAsync();
                }

                break;
            case "reset":
                await new V1.Simulation.SimulationClient(channel).ResetAsync(new ResetRequest());
                break;
            case "streamframes":
                using (var frames = new CanBus.CanBusClient(channel).StreamFrames(new StreamFramesRequest()))
                {
                    // Simulated time stands still, so nothing is on the bus until the bench sends a frame (no ECU listens to 0x7FF).
                    var next = frames.ResponseStream.MoveNext();
                    while (!next.IsCompleted)
                    {
                        await new CanBus.CanBusClient(_host.Channel).SendFrameAsync(new SendFrameRequest { Frame = new CanFrame { Id = 0x7FF } });
                        await Task.WhenAny(next, Task.Delay(100));
                    }

                    Assert.True(await next);
                }

                break;
            case "sendframe":
                await new CanBus.CanBusClient(channel).SendFrameAsync(new SendFrameRequest { Frame = new CanFrame { Id = 0x7FF } });
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(call), call, null);
        }
    }

    private static async Task<Status> StatusOf(Func<Task> call)
    {
        try
        {
            await call();
            return Status.DefaultSuccess;
        }
        catch (RpcException error)
        {
            return error.Status;
        }
    }

    private async Task<Value> CurrentAsync(string path) =>
        (await _host.Val.GetValueAsync(new GetValueRequest { SignalId = Wire.Path(path) })).DataPoint.Value;

    /// <summary>Every signal's current value and target, read with the test bench's all-powerful token.</summary>
    private async Task<string> StateAsync()
    {
        var state = await _host.Simulation.GetStateAsync(new GetStateRequest());
        return string.Join('\n', state.Signals
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => $"{pair.Key}={pair.Value.Current.Value}/{pair.Value.Target}"));
    }
}
