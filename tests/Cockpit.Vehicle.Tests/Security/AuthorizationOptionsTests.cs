using Cockpit.Testing;
using Cockpit.Vehicle.Security;
using Kuksa.Val.V2;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cockpit.Vehicle.Tests.Security;

public sealed class AuthorizationOptionsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cockpit-keys-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task StartAsync_NoPublicKey_RefusesToStartSayingHowToConfigure()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => VehicleServiceHost.StartAsync(services: services =>
            services.Configure<VehicleAuthorizationOptions>(options => options.PublicKey = null)));

        Assert.Contains("Vehicle:Authorization has no public key", error.Message, StringComparison.Ordinal);
        Assert.Contains("Vehicle:Authorization:PublicKeyPath", error.Message, StringComparison.Ordinal);
        Assert.Contains("Cockpit.Agent token keygen --out DIR", error.Message, StringComparison.Ordinal);
        Assert.Contains("--Vehicle:Authorization:Insecure=true", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing.pem", null, "holds no usable public key: Could not find file")]
    [InlineData("empty.pem", "", "holds no usable public key: no PEM block found")]
    [InlineData("private.pem", "private", "holds no usable public key: expected a PUBLIC KEY block, found PRIVATE KEY")]
    public async Task StartAsync_UnusableKeyFile_RefusesToStartNamingTheFile(string file, string? content, string message)
    {
        var path = Path.Combine(_directory, file);
        if (content is not null)
        {
            await File.WriteAllTextAsync(path, content == "private" ? VehicleTestKeys.PrivateKeyPem : content);
        }

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => VehicleServiceHost.StartAsync(services: services =>
            services.Configure<VehicleAuthorizationOptions>(options => (options.PublicKey, options.PublicKeyPath) = (null, path))));

        Assert.Contains($"Vehicle:Authorization:PublicKeyPath: '{path}' {message}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_KeyFile_AcceptsTokensOfItsPrivateKey()
    {
        var path = Path.Combine(_directory, "cockpit-public.pem");
        await File.WriteAllTextAsync(path, VehicleTestKeys.PublicKeyPem);
        await using var host = await VehicleServiceHost.StartAsync(services: services =>
            services.Configure<VehicleAuthorizationOptions>(options => (options.PublicKey, options.PublicKeyPath) = (null, path)));

        var speed = await host.Val.GetValueAsync(new GetValueRequest { SignalId = Wire.Path("Vehicle.Speed") });

        Assert.Equal(0f, speed.DataPoint.Value.Float);
    }

    [Fact]
    public async Task StartAsync_Insecure_ServesCallsWithoutTokenAndWarns()
    {
        await using var host = await VehicleServiceHost.StartAsync(services: services =>
            services.Configure<VehicleAuthorizationOptions>(options => (options.PublicKey, options.Insecure) = (null, true)));
        using var channel = host.CreateChannel(null);

        await new VAL.VALClient(channel).ActuateAsync(Wire.Actuate("Vehicle.Cabin.HVAC.IsAirConditioningActive", Wire.Bool(true)));

        Assert.Contains(host.Logs.Entries, entry => entry.Level == LogLevel.Warning && entry.Message.Contains("authorization is off", StringComparison.Ordinal));
    }

    [Fact]
    public void AddCockpitVehicle_ConfigurationSection_BindsAuthorization()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Vehicle:Authorization:Insecure"] = "true",
            ["Vehicle:Authorization:Issuer"] = "head-unit",
            ["Vehicle:Authorization:Audience"] = "kuksa.val",
            ["Vehicle:Authorization:ClockSkew"] = "00:00:05",
        }).Build();

        using var provider = new ServiceCollection().AddCockpitVehicle(configuration.GetSection(VehicleOptions.SectionName)).BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<VehicleAuthorizationOptions>>().Value;
        Assert.Equal((true, "head-unit", "kuksa.val", TimeSpan.FromSeconds(5)), (options.Insecure, options.Issuer, options.Audience, options.ClockSkew));
    }
}
