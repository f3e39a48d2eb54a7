using Cockpit.Console.Tests.Infrastructure;
using Cockpit.Testing;
using Grpc.Core;
using Kuksa.Val.V2;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using HmiService = Cockpit.Hmi.V1.Hmi;

namespace Cockpit.Console.Tests.Web;

/// <summary>The console's own tokens in the embedded default reach only what the page shows.</summary>
[Collection(EmbeddedConsoleGroup.Name)]
public sealed class ConsoleTokensTests(EmbeddedConsole console)
{
    [Fact]
    public async Task VehicleToken_ReadsThePanelsSignalsOnly()
    {
        using var channel = GrpcChannels.ForAddress(VehicleAddress, console.Authorization.ConsoleVehicleToken);
        var vehicle = new VAL.VALClient(channel);

        var speed = await vehicle.GetValueAsync(new GetValueRequest { SignalId = Wire.Path("Vehicle.Speed") });
        var gear = await Assert.ThrowsAsync<RpcException>(() => vehicle.GetValueAsync(new GetValueRequest { SignalId = Wire.Path("Vehicle.Powertrain.Transmission.SelectedGear") }).ResponseAsync);
        var actuate = await Assert.ThrowsAsync<RpcException>(() => vehicle.ActuateAsync(Wire.Actuate("Vehicle.Cabin.Sunroof.Switch", Wire.String("OPEN"))).ResponseAsync);

        Assert.Equal(0f, speed.DataPoint.Value.Float);
        Assert.Equal(StatusCode.PermissionDenied, gear.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, actuate.StatusCode);
        Assert.Contains("the token of 'console' has no 'actuate' scope", actuate.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HmiToken_ObservesButCannotAct()
    {
        using var channel = GrpcChannels.ForAddress(HmiAddress, console.Authorization.ConsoleHmiToken);
        var hmi = new HmiService.HmiClient(channel);

        var screen = await hmi.GetScreenAsync(new Hmi.V1.GetScreenRequest());
        var act = await Assert.ThrowsAsync<RpcException>(() => hmi.ActAsync(new Hmi.V1.ActRequest { Tap = new Hmi.V1.Tap { ElementId = "home.app.media" } }).ResponseAsync);

        Assert.Equal("home", screen.Id);
        Assert.Equal((StatusCode.PermissionDenied, "the token of 'console' has no 'act' scope"), (act.StatusCode, act.Status.Detail));
    }

    private Uri VehicleAddress => new(console.Services.GetRequiredService<IOptions<ConsoleOptions>>().Value.VehicleAddress);

    private Uri HmiAddress => new(console.Services.GetRequiredService<IOptions<ConsoleOptions>>().Value.HmiAddress);
}
