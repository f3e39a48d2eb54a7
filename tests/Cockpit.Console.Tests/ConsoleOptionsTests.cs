using Cockpit.Console.Security;
using Cockpit.ServiceDefaults.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Cockpit.Console.Tests;

/// <summary>The console's options: defaults, and a wrong value stops the host at start with a message naming the key.</summary>
public sealed class ConsoleOptionsTests
{
    [Fact]
    public void AddCockpitConsole_NoConfiguration_DocumentedDefaults()
    {
        using var provider = new ServiceCollection().AddLogging().AddCockpitConsole(Configuration([])).BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<ConsoleOptions>>().Value;

        Assert.Equal(("http://127.0.0.1:55560", "zh", false), (options.Url, options.Language, options.AllowNonLoopback));
        Assert.Equal(("http://127.0.0.1:55557", "http://127.0.0.1:55556", "http://127.0.0.1:55555"), (options.AgentAddress, options.HmiAddress, options.VehicleAddress));
        Assert.Equal((TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30)), (options.CallTimeout, options.ReconnectDelay, options.MaxVoiceDuration));
        Assert.Equal("http://127.0.0.1:55560/console/?token=a.b.c", options.PageAddress("a.b.c"));
    }

    [Theory]
    [InlineData("Language", "fr", "Console:Language must be zh or en")]
    [InlineData("Url", "http://10.1.2.3:55560", "Console:Url: 10.1.2.3 is not a loopback address; the service is meant for this machine only (set Console:AllowNonLoopback=true to listen on it anyway)")]
    [InlineData("Url", "http://0.0.0.0:55560", "Console:Url: 0.0.0.0 is not a loopback address")]
    [InlineData("Url", "https://127.0.0.1:55560", "Console:Url must be an http:// address")]
    [InlineData("Url", "", "Console:Url is required")]
    [InlineData("AgentAddress", "ftp://127.0.0.1:55557", "Console:AgentAddress must be an http(s):// URL or a unix: socket address")]
    [InlineData("VehicleAddress", "127.0.0.1:55555", "Console:VehicleAddress must be an http(s):// URL or a unix: socket address")]
    [InlineData("HmiTokenPath", "/nonexistent/console-hmi.jwt", "Console:HmiTokenPath: '/nonexistent/console-hmi.jwt' does not exist")]
    [InlineData("ReconnectDelay", "00:00:00", "Console:ReconnectDelay must lie between 10 ms and 10 minutes")]
    [InlineData("MaxVoiceDuration", "01:00:00", "Console:MaxVoiceDuration must lie between 1 second and 5 minutes")]
    [InlineData("Authorization:PublicKey", "", "Console:Authorization has no public key to check tokens with")]
    [InlineData("Authorization:PublicKey", "not a key", "Console:Authorization:PublicKey: the inline key holds no usable public key")]
    public async Task StartAsync_WrongValue_StopsNamingTheKey(string key, string value, string message)
    {
        using var host = BuildHost(new() { [$"Console:{key}"] = value });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://0.0.0.0:55560", true)]
    [InlineData("http://[::1]:55560", false)]
    [InlineData("http://localhost:55560", false)]
    public async Task StartAsync_AllowedAddress_Starts(string url, bool allowNonLoopback)
    {
        using var host = BuildHost(new() { ["Console:Url"] = url, ["Console:AllowNonLoopback"] = allowNonLoopback ? "true" : "false" });

        await host.StartAsync();

        Assert.Equal(url, host.Services.GetRequiredService<IOptions<ConsoleOptions>>().Value.Url);
        await host.StopAsync();
    }

    [Fact]
    public void AddCockpitConsole_Twice_OneValidatorOfEachKind()
    {
        var services = new ServiceCollection().AddLogging();

        services.AddCockpitConsole(Configuration([])).AddCockpitConsole(Configuration([]));

        Assert.Single(services, service => service.ServiceType == typeof(IValidateOptions<ConsoleOptions>));
        Assert.Single(services, service => service.ServiceType == typeof(IValidateOptions<ConsoleAuthorizationOptions>));
    }

    private static readonly string s_publicKey = TokenKeys.CreateRsaPem().PublicKeyPem;

    /// <summary>A generic host with only the console's services (no listener): what ValidateOnStart checks is the same.</summary>
    private static IHost BuildHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Console:Authorization:PublicKey"] = s_publicKey });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddCockpitConsole(builder.Configuration.GetSection(ConsoleOptions.SectionName));
        return builder.Build();
    }

    private static IConfigurationSection Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(ConsoleOptions.SectionName);
}
