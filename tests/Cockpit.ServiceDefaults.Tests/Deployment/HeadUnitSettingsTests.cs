using Cockpit.Agent;
using Cockpit.Gui;
using Cockpit.ServiceDefaults.Grpc;
using Cockpit.ServiceDefaults.Logging;
using Cockpit.Speech;
using Cockpit.Understanding;
using Cockpit.Vehicle;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cockpit.ServiceDefaults.Tests.Deployment;

/// <summary>
/// deploy/appsettings.headunit.json against the services' options (it must pass their validation) and against the
/// units (its sockets, data and logs lie in the directories systemd creates and lets the services write).
/// </summary>
public sealed class HeadUnitSettingsTests
{
    private static readonly IConfiguration Settings = new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(RepoPaths.Deploy, "appsettings.headunit.json"), optional: false, reloadOnChange: false)
        .Build();

    // The clients' token files exist only on a head unit (install.sh, deploy/README.md); validation checks they exist.
    private static readonly IConfiguration SettingsWithTokens = new ConfigurationBuilder()
        .AddConfiguration(Settings)
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Gui:VehicleTokenPath"] = TokenFile(),
            ["Agent:VehicleTokenPath"] = TokenFile(),
            ["Agent:HmiTokenPath"] = TokenFile(),
        })
        .Build();

    private static readonly SystemdUnitFile Agent = SystemdUnitFile.Read("cockpit-agent.service");

    [Fact]
    public void AgentSection_PassesValidation_TalksOverUnixSockets()
    {
        var options = Resolve<AgentOptions>(services => services.AddCockpitAgent(SettingsWithTokens.GetSection(AgentOptions.SectionName)));
        var understanding = Resolve<UnderstandingOptions>(services => services.AddCockpitAgent(SettingsWithTokens.GetSection(AgentOptions.SectionName)));

        Assert.Equal(Vehicle().UnixSocketPath, SocketOf(options.VehicleAddress.OriginalString));
        Assert.Equal(Gui().UnixSocketPath, SocketOf(options.HmiAddress.OriginalString));
        Assert.Equal(RuntimeDirectory("agent.sock"), options.UnixSocketPath);
        Assert.Equal(StateDirectory(), options.DataDirectory);
        Assert.Equal("/opt/cockpit/models/understanding", understanding.ModelDirectory);
        Assert.Equal(Path.Combine(StateDirectory(), "cache"), understanding.CacheDirectory);
    }

    [Fact]
    public void GuiSection_PassesValidation_TalksOverUnixSockets()
    {
        var options = Gui();

        Assert.Equal(Vehicle().UnixSocketPath, SocketOf(options.VehicleAddress));
        Assert.Equal(RuntimeDirectory("hmi.sock"), options.UnixSocketPath);
    }

    [Fact]
    public void VehicleSection_ServesItsUnixSocketWithAuthorization()
    {
        var options = Vehicle();

        Assert.Equal(RuntimeDirectory("vehicle.sock"), options.UnixSocketPath);
        Assert.Equal("127.0.0.1", options.Address);
        Assert.Equal("/etc/cockpit/cockpit-public.pem", Settings["Vehicle:Authorization:PublicKeyPath"]);
        Assert.NotEqual("true", Settings["Vehicle:Authorization:Insecure"], StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public void Logging_FilesInTheLogsDirectory_WithinLimits()
    {
        var options = Settings.GetSection(LogFileOptions.SectionName).Get<LogFileOptions>()!;

        Assert.Equal("/var/log/" + Agent.Single("Service", "LogsDirectory"), options.Directory);
        Assert.InRange(options.FileSizeLimitBytes * options.RetainedFileCount, 1L << 20, 100L << 20);
    }

    [Fact]
    public void Speech_ModelIsOneTheFetchScriptVerifies()
    {
        var options = Settings.GetSection(SpeechOptions.SectionName).Get<SpeechOptions>()!;
        var script = File.ReadAllText(Path.Combine(RepoPaths.Deploy, "fetch-whisper-model.sh"));

        Assert.StartsWith("/opt/cockpit/models/whisper/", options.ModelPath, StringComparison.Ordinal);
        Assert.Matches($@"\n\S+\s+{System.Text.RegularExpressions.Regex.Escape(Path.GetFileName(options.ModelPath!))}\s+\d+\s+[0-9a-f]{{64}}", script);
    }

    [Theory]
    [InlineData("Gui:VehicleTokenPath", "/etc/cockpit/tokens/hmi.jwt")]
    [InlineData("Agent:VehicleTokenPath", "/etc/cockpit/tokens/agent.jwt")]
    [InlineData("Agent:HmiTokenPath", "/etc/cockpit/tokens/agent-hmi.jwt")]
    public void Clients_TokenFilesInTheConfigurationDirectory(string key, string path)
    {
        Assert.Equal(path, Settings[key]);
        Assert.StartsWith("/etc/" + Agent.Single("Service", "ConfigurationDirectory") + "/", path, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Vehicle", "cockpit-vehicle")]
    [InlineData("Gui", "cockpit-hmi")]
    [InlineData("Agent", "cockpit-agent")]
    public void EveryService_ApisNeedTokensOfItsOwnAudience(string section, string audience)
    {
        Assert.Equal("/etc/cockpit/cockpit-public.pem", Settings[$"{section}:Authorization:PublicKeyPath"]);
        Assert.Equal(audience, Settings[$"{section}:Authorization:Audience"]);
        Assert.NotEqual("true", Settings[$"{section}:Authorization:Insecure"], StringComparer.OrdinalIgnoreCase);
        Assert.NotEqual("true", Settings[$"{section}:AllowNonLoopback"], StringComparer.OrdinalIgnoreCase);
    }

    private static GuiOptions Gui() => Resolve<GuiOptions>(services => services.AddCockpitGui(SettingsWithTokens.GetSection(GuiOptions.SectionName)));

    private static string TokenFile()
    {
        var path = Path.Combine(Path.GetTempPath(), "cockpit-headunit-test.jwt");
        File.WriteAllText(path, "header.payload.signature");
        return path;
    }

    // Bound, not resolved: the vehicle's authorization options read the public key file, which only the head unit has.
    private static VehicleOptions Vehicle() => Settings.GetSection(VehicleOptions.SectionName).Get<VehicleOptions>()!;

    private static T Resolve<T>(Action<IServiceCollection> add)
        where T : class
    {
        var services = new ServiceCollection();
        add(services);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<T>>().Value;
    }

    private static string? SocketOf(string address) => CockpitGrpcChannel.TryGetUnixSocketPath(address, out var path) ? path : null;

    private static string RuntimeDirectory(string socket) => $"/run/{Agent.Single("Service", "RuntimeDirectory")}/{socket}";

    private static string StateDirectory() => "/var/lib/" + Agent.Single("Service", "StateDirectory");
}
