using Cockpit.Agent.Hosting;
using Cockpit.Gui;
using Cockpit.Testing;
using Cockpit.Understanding.Catalog;
using Cockpit.Vehicle.V1;
using Grpc.Core;
using Kuksa.Val.V2;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cockpit.Agent.Tests.Security;

/// <summary>In the embedded default each client's token reaches only what that client needs.</summary>
public sealed class EmbeddedAuthorizationTests(EmbeddedCockpit cockpit) : IClassFixture<EmbeddedCockpit>, IAsyncLifetime
{
    private const string TrunkLocked = "Vehicle.Body.Trunk.Rear.IsLocked";

    private readonly Simulation.SimulationClient _bench = new(cockpit.VehicleChannel);

    private EmbeddedAuthorization Authorization => cockpit.Services.GetRequiredService<EmbeddedAuthorization>();

    public async Task InitializeAsync() => await _bench.ResetAsync(new ResetRequest());

    public async Task DisposeAsync() => await _bench.ResetAsync(new ResetRequest());

    [Theory]
    [InlineData(TrunkLocked, "actuate")]                                  // a lock the catalog has no action for
    [InlineData("Vehicle.Powertrain.Transmission.SelectedGear", "actuate")] // the gear: never the voice agent's
    [InlineData("Vehicle.Cabin.Infotainment.Media.SelectedURI", "actuate")] // the HMI's, not the agent's
    public async Task AgentToken_ActuatorOutsideTheCatalog_PermissionDeniedAndNothingMoves(string path, string scope)
    {
        using var channel = GrpcChannels.ForAddress(cockpit.VehicleAddress, Authorization.AgentToken);
        var before = await StateAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => new VAL.VALClient(channel).ActuateAsync(new ActuateRequest
        {
            SignalId = Wire.Path(path),
            Value = path == TrunkLocked ? Wire.Bool(true) : path.EndsWith("Gear", StringComparison.Ordinal) ? Wire.Int(1) : Wire.String("cockpit:track:2"),
        }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal($"{path}: permission denied: the token of 'agent' has no '{scope}' scope for this path", error.Status.Detail);
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task AgentToken_CatalogActuatorAndSimulation_ActuatesButCannotSimulate()
    {
        using var channel = GrpcChannels.ForAddress(cockpit.VehicleAddress, Authorization.AgentToken);

        await new VAL.VALClient(channel).ActuateAsync(Wire.Actuate("Vehicle.Cabin.HVAC.IsAirConditioningActive", Wire.Bool(true)));
        var reset = await Assert.ThrowsAsync<RpcException>(() => new Simulation.SimulationClient(channel).ResetAsync(new ResetRequest()).ResponseAsync);
        var setSignals = await Assert.ThrowsAsync<RpcException>(() => new Simulation.SimulationClient(channel)
            .SetSignalsAsync(new SetSignalsRequest { Values = { [TrunkLocked] = Wire.Bool(true) } }).ResponseAsync);

        Assert.Equal((StatusCode.PermissionDenied, "Simulation.Reset: permission denied: the token of 'agent' has no 'simulate' scope"), (reset.StatusCode, reset.Status.Detail));
        Assert.Equal(StatusCode.PermissionDenied, setSignals.StatusCode);
        Assert.True((await ValueAsync("Vehicle.Cabin.HVAC.IsAirConditioningActive")).Bool);
        Assert.False((await ValueAsync(TrunkLocked)).Bool);
    }

    [Fact]
    public async Task HmiToken_ScreensOnly_DrivesMediaButNotTheTrunk()
    {
        var token = cockpit.Services.GetRequiredService<IOptions<GuiOptions>>().Value.VehicleToken;
        using var channel = GrpcChannels.ForAddress(cockpit.VehicleAddress, token);
        var hmi = new VAL.VALClient(channel);

        await hmi.ActuateAsync(Wire.Actuate("Vehicle.Cabin.Infotainment.Media.Volume", Wire.Uint(40)));
        var trunk = await Assert.ThrowsAsync<RpcException>(() => hmi.ActuateAsync(Wire.Actuate("Vehicle.Body.Trunk.Rear.IsOpen", Wire.Bool(true))).ResponseAsync);
        var speed = await Assert.ThrowsAsync<RpcException>(() => hmi.GetValueAsync(new GetValueRequest { SignalId = Wire.Path("Vehicle.Speed") }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, trunk.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, speed.StatusCode);
        Assert.Equal(40u, (await ValueAsync("Vehicle.Cabin.Infotainment.Media.Volume")).Uint32);
    }

    [Fact]
    public async Task NoToken_EmbeddedVehicle_Unauthenticated()
    {
        using var channel = GrpcChannels.ForAddress(cockpit.VehicleAddress, token: null);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            new VAL.VALClient(channel).GetValueAsync(new GetValueRequest { SignalId = Wire.Path("Vehicle.Speed") }).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public void AgentScope_DefaultCatalog_ReadPlusEveryCatalogPathExactly()
    {
        var scope = EmbeddedAuthorization.AgentScope(ActionCatalog.Default).Split(' ');

        Assert.Equal("read", scope[0]);
        Assert.Equal(ActionCatalog.Default.AllPaths().Distinct().Order(StringComparer.Ordinal).Select(path => $"actuate:{path}"), scope.Skip(1));
        Assert.Contains("actuate:Vehicle.Cabin.Door.Row1.DriverSide.IsOpen", scope);
        Assert.DoesNotContain($"actuate:{TrunkLocked}", scope);
    }

    private async Task<Value> ValueAsync(string path) =>
        (await new VAL.VALClient(cockpit.VehicleChannel).GetValueAsync(new GetValueRequest { SignalId = Wire.Path(path) })).DataPoint.Value;

    private async Task<string> StateAsync()
    {
        var state = await _bench.GetStateAsync(new GetStateRequest());
        return string.Join('\n', state.Signals.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}={pair.Value.Current.Value}/{pair.Value.Target}"));
    }
}
