using Cockpit.Agent;
using Cockpit.Gui;
using Cockpit.Vehicle;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cockpit.Reliability.Tests;

/// <summary>Every listener is documented as loopback-only: another address stops the host unless explicitly allowed.</summary>
public sealed class ListenerAddressTests
{
    [Theory]
    [InlineData("0.0.0.0", false, "Vehicle:Address: 0.0.0.0 is not a loopback address")]
    [InlineData("192.168.1.20", false, "Vehicle:Address: 192.168.1.20 is not a loopback address")]
    [InlineData("0.0.0.0", true, null)]
    [InlineData("127.0.0.1", false, null)]
    public void Vehicle_Address(string address, bool allowed, string? problem) =>
        AssertValidation<VehicleOptions>(services => services.AddCockpitVehicle(options => (options.Address, options.AllowNonLoopback) = (address, allowed)), problem);

    [Theory]
    [InlineData("0.0.0.0", false, "Agent:Address: 0.0.0.0 is not a loopback address")]
    [InlineData("::", false, "Agent:Address: :: is not a loopback address")]
    [InlineData("::1", false, null)]
    [InlineData("0.0.0.0", true, null)]
    public void Agent_Address(string address, bool allowed, string? problem) =>
        AssertValidation<AgentOptions>(services => services.AddCockpitAgent(options => (options.Address, options.AllowNonLoopback) = (address, allowed)), problem);

    [Theory]
    [InlineData("http://0.0.0.0:55556", "http://127.0.0.1:55566", "Gui:Url: 0.0.0.0 is not a loopback address")]
    [InlineData("http://127.0.0.1:55556", "http://10.0.0.5:55566", "Gui:PageUrl: 10.0.0.5 is not a loopback address")]
    [InlineData("http://localhost:55556", "http://[::1]:55566", null)]
    public void Gui_Urls(string url, string pageUrl, string? problem) =>
        AssertValidation<GuiOptions>(services => services.AddCockpitGui(options => (options.Url, options.PageUrl) = (url, pageUrl)), problem);

    private static void AssertValidation<T>(Action<IServiceCollection> add, string? problem)
        where T : class
    {
        var services = new ServiceCollection().AddLogging();
        add(services);
        using var provider = services.BuildServiceProvider();

        var error = Record.Exception(() => provider.GetRequiredService<IOptions<T>>().Value);

        if (problem is null)
        {
            Assert.Null(error);
        }
        else
        {
            Assert.Contains(problem, Assert.IsType<OptionsValidationException>(error).Message, StringComparison.Ordinal);
        }
    }
}
