using Cockpit.Can.Bus;
using Cockpit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cockpit.Vehicle.Tests.Can;

public sealed class CanOptionsTests
{
    [Fact]
    public void AddCockpitVehicle_CanSection_BindsTransportFaultsAndSilentEcus()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Vehicle:Can:Transport"] = "SocketCan",
            ["Vehicle:Can:Interface"] = "can1",
            ["Vehicle:Can:ConfirmTimeout"] = "00:00:00.250",
            ["Vehicle:Can:SilentEcus:0"] = "DCU",
            ["Vehicle:Can:Faults:DropRate"] = "0.25",
            ["Vehicle:Can:LogPath"] = "/tmp/car.log",
        }).Build();
        var services = new ServiceCollection().AddCockpitVehicle(configuration.GetSection("Vehicle"));

        var options = services.BuildServiceProvider().GetRequiredService<IOptions<VehicleOptions>>().Value.Can;

        Assert.Equal(CanTransport.SocketCan, options.Transport);
        Assert.Equal("can1", options.Interface);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.ConfirmTimeout);
        Assert.Equal(["DCU"], options.SilentEcus);
        Assert.Equal(0.25, options.Faults.DropRate);
        Assert.Equal("/tmp/car.log", options.LogPath);
    }

    [Fact]
    public async Task Start_DropRateAboveOne_FailsNamingTheOption()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            VehicleServiceHost.StartAsync(options => options.Can.Faults.DropRate = 2));

        Assert.Contains("DropRate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_CanDisabled_CarStillWorksWithoutABus()
    {
        await using var host = await VehicleServiceHost.StartAsync(options => options.Can.Enabled = false);

        await host.Val.ActuateAsync(Wire.Actuate("Vehicle.Cabin.HVAC.IsAirConditioningActive", Wire.Bool(true)));

        var value = await host.Val.GetValueAsync(new Kuksa.Val.V2.GetValueRequest { SignalId = Wire.Path("Vehicle.Cabin.HVAC.IsAirConditioningActive") });
        Assert.True(value.DataPoint.Value.Bool);
    }

    [Fact]
    public async Task Start_SocketCanWithoutInterface_FailsNamingTheInterface()
    {
        var error = await Assert.ThrowsAsync<IOException>(() => VehicleServiceHost.StartAsync(options =>
        {
            options.Can.Transport = CanTransport.SocketCan;
            options.Can.Interface = "nocan7";
        }));

        Assert.StartsWith("SocketCAN: no network interface named 'nocan7'", error.Message, StringComparison.Ordinal);
    }

    [VcanFact]
    public async Task Actuate_OverSocketCan_EcusAnswerOnTheRealInterface()
    {
        await using var host = await VehicleServiceHost.StartAsync(options =>
        {
            options.Can.Transport = CanTransport.SocketCan;
            options.Can.Interface = VcanFactAttribute.InterfaceName;
        });

        await host.Val.ActuateAsync(Wire.Actuate("Vehicle.Cabin.HVAC.IsAirConditioningActive", Wire.Bool(true)));

        var value = await host.Val.GetValueAsync(new Kuksa.Val.V2.GetValueRequest { SignalId = Wire.Path("Vehicle.Cabin.HVAC.IsAirConditioningActive") });
        Assert.True(value.DataPoint.Value.Bool);
    }
}
