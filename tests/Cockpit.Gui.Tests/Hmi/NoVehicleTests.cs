using Cockpit.Gui.Tests.Infrastructure;

namespace Cockpit.Gui.Tests.Hmi;

/// <summary>A vehicle address where nothing listens: the HMI starts, shows bindings unavailable, and keeps working.</summary>
public sealed class NoVehicleTests
{
    [Fact]
    public async Task Start_VehicleUnreachable_BindingsUnavailableMediaWorks()
    {
        await using var host = await GuiHost.StartAsync("http://127.0.0.1:9");

        var climate = (await host.Client.OpenAsync("climate")).Screen;
        await host.Client.OpenAsync("media");
        await host.Client.TapAsync("media.library.qingtian");

        Assert.False(climate.VehicleAvailable);
        Assert.True(climate.Find("climate.fan")!.Unavailable);
        Assert.True(double.IsNaN(climate.Find("climate.fan")!.Value));
        Assert.Equal("—", climate.Find("climate.driver.temperature")!.Text.Zh);
        Assert.Equal("晴天", (await host.Client.StateAsync()).Text("media.track"));
        Assert.Empty(host.Logs.Errors);
    }
}
