using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cockpit.Gui.Tests.Options;

public sealed class GuiOptionsTests
{
    [Fact]
    public void AddCockpitGui_NoConfiguration_DocumentedDefaults()
    {
        using var provider = Build(new Dictionary<string, string?>());

        var options = provider.GetRequiredService<IOptions<GuiOptions>>().Value;

        Assert.Equal("http://127.0.0.1:55556", options.Url);
        Assert.Equal("http://127.0.0.1:55566", options.PageUrl);
        Assert.Equal("http://127.0.0.1:55555", options.VehicleAddress);
        Assert.Equal(TimeSpan.FromSeconds(2), options.VehicleCallTimeout);
        Assert.Equal(TimeSpan.FromSeconds(2), options.ReconnectDelay);
        Assert.Equal("zh", options.Language);
        Assert.Equal(20, options.ActionHistory);
    }

    [Fact]
    public void AddCockpitGui_Section_BindsValues()
    {
        using var provider = Build(new Dictionary<string, string?>
        {
            ["Gui:VehicleAddress"] = "",
            ["Gui:Language"] = "en",
            ["Gui:ActionHistory"] = "5",
        });

        var options = provider.GetRequiredService<IOptions<GuiOptions>>().Value;

        Assert.Equal(string.Empty, options.VehicleAddress);
        Assert.Equal("en", options.Language);
        Assert.Equal(5, options.ActionHistory);
    }

    [Theory]
    [InlineData("Gui:Language", "fr", "Language")]
    [InlineData("Gui:ActionHistory", "0", "ActionHistory")]
    [InlineData("Gui:Url", "127.0.0.1:55556", "Url")]
    [InlineData("Gui:VehicleAddress", "tcp://car", "VehicleAddress")]
    [InlineData("Gui:ReconnectDelay", "00:00:00", "ReconnectDelay")]
    [InlineData("Gui:VehicleTokenPath", "/nonexistent/hmi.jwt", "Gui:VehicleTokenPath: '/nonexistent/hmi.jwt' does not exist")]
    public void AddCockpitGui_InvalidValue_ValidationFailsNamingIt(string key, string value, string member)
    {
        using var provider = Build(new Dictionary<string, string?> { [key] = value });

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<GuiOptions>>().Value);

        Assert.Contains(member, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCockpitGui_CalledTwice_OneValidatorOneEngine()
    {
        var services = new ServiceCollection();

        services.AddCockpitGui().AddCockpitGui();

        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<GuiOptions>));
        Assert.Single(services, d => d.ServiceType.Name == "HmiEngine");
    }

    private static ServiceProvider Build(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        return new ServiceCollection()
            .AddLogging()
            .AddCockpitGui(configuration.GetSection(GuiOptions.SectionName))
            .BuildServiceProvider();
    }
}
