using Cockpit.Testing;
using Grpc.AspNetCore.Server;
using Grpc.Health.V1;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Cockpit.Vehicle.Tests;

public sealed class VehicleOptionsTests
{
    public static TheoryData<Action<VehicleOptions>, string> InvalidOptions => new()
    {
        { options => options.TimeScale = -1, nameof(VehicleOptions.TimeScale) },
        { options => options.Port = 70000, nameof(VehicleOptions.Port) },
        { options => options.TickInterval = TimeSpan.Zero, nameof(VehicleOptions.TickInterval) },
        { options => options.WindowTravelTime = TimeSpan.FromSeconds(-1), nameof(VehicleOptions.WindowTravelTime) },
        { options => options.MaxSubscribeBufferSize = 0, nameof(VehicleOptions.MaxSubscribeBufferSize) },
        { options => options.MaxSignalsPerRequest = 0, nameof(VehicleOptions.MaxSignalsPerRequest) },
        { options => options.MaxSubscriptions = 0, nameof(VehicleOptions.MaxSubscriptions) },
        { options => options.MaxReceiveMessageSize = 100, nameof(VehicleOptions.MaxReceiveMessageSize) },
        { options => options.MaxSubscriptionsPerCaller = 0, nameof(VehicleOptions.MaxSubscriptionsPerCaller) },
        { options => options.ReservedSubscriptions = -1, nameof(VehicleOptions.ReservedSubscriptions) },
        { options => options.SystemSubjects = null!, nameof(VehicleOptions.SystemSubjects) },
    };

    public static TheoryData<Action<VehicleOptions>, string> InconsistentSubscriptionLimits => new()
    {
        {
            options => options.MaxSubscriptionsPerCaller = 1001,
            "Vehicle:MaxSubscriptionsPerCaller (1001) exceeds Vehicle:MaxSubscriptions (1000)"
        },
        {
            options => (options.MaxSubscriptions, options.MaxSubscriptionsPerCaller) = (100, 10),
            "Vehicle:ReservedSubscriptions (100) must be less than Vehicle:MaxSubscriptions (100), or callers other than agent, hmi could never subscribe"
        },
        {
            options => options.SystemSubjects = ["agent", " "],
            "Vehicle:SystemSubjects has an empty entry"
        },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public async Task StartAsync_InvalidOptions_FailsNamingTheProperty(Action<VehicleOptions> configure, string property)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => VehicleServiceHost.StartAsync(configure));

        Assert.Contains(property, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(InconsistentSubscriptionLimits))]
    public async Task StartAsync_InconsistentSubscriptionLimits_FailsSayingWhy(Action<VehicleOptions> configure, string message)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => VehicleServiceHost.StartAsync(configure));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_NoReserveAndPerCallerLimitEqualToTheCap_Starts()
    {
        await using var host = await VehicleServiceHost.StartAsync(options =>
            (options.MaxSubscriptions, options.MaxSubscriptionsPerCaller, options.ReservedSubscriptions) = (1, 1, 0));

        Assert.Empty(host.Logs.Errors);
    }

    [Fact]
    public void AddCockpitVehicle_Defaults_AreTheDocumentedOnes()
    {
        using var provider = new ServiceCollection().AddCockpitVehicle().BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<VehicleOptions>>().Value;

        Assert.Equal(("127.0.0.1", 55555, null, null, 1.0), (options.Address, options.Port, options.UnixSocketPath, options.CatalogPath, options.TimeScale));
        Assert.Equal(TimeSpan.FromSeconds(4), options.WindowTravelTime);
        Assert.Equal(1000, options.MaxSubscribeBufferSize);
        Assert.Equal((1000, 1000, 1024 * 1024), (options.MaxSignalsPerRequest, options.MaxSubscriptions, options.MaxReceiveMessageSize));
        Assert.Equal((50, 100), (options.MaxSubscriptionsPerCaller, options.ReservedSubscriptions));
        Assert.Equal(["agent", "hmi"], options.SystemSubjects);
    }

    [Fact]
    public void AddCockpitVehicle_SystemSubjectsConfigured_ReplaceTheDefaults()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Vehicle:SystemSubjects:0"] = "hmi",
            ["Vehicle:SystemSubjects:1"] = "cluster",
        }).Build();

        using var provider = new ServiceCollection().AddCockpitVehicle(configuration.GetSection(VehicleOptions.SectionName)).BuildServiceProvider();

        Assert.Equal(["hmi", "cluster"], provider.GetRequiredService<IOptions<VehicleOptions>>().Value.SystemSubjects);
    }

    [Fact]
    public void AddCockpitVehicle_ConfigurationSection_BindsEveryKind()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Vehicle:Port"] = "55600",
            ["Vehicle:UnixSocketPath"] = "/run/cockpit/vehicle.sock",
            ["Vehicle:TimeScale"] = "10",
            ["Vehicle:WindowTravelTime"] = "00:00:02.500",
            ["Vehicle:OpeningSpeedLimitKmh"] = "5",
        }).Build();

        using var provider = new ServiceCollection().AddCockpitVehicle(configuration.GetSection(VehicleOptions.SectionName)).BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<VehicleOptions>>().Value;
        Assert.Equal((55600, "/run/cockpit/vehicle.sock", 10.0, TimeSpan.FromMilliseconds(2500), 5.0),
            (options.Port, options.UnixSocketPath, options.TimeScale, options.WindowTravelTime, options.OpeningSpeedLimitKmh));
    }

    [Fact]
    public void AddCockpitVehicle_Twice_RegistersOnceAndAppliesBothConfigurations()
    {
        var services = new ServiceCollection().AddLogging();

        services.AddCockpitVehicle(options => options.Port = 55600).AddCockpitVehicle(options => options.TimeScale = 5);

        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<VehicleOptions>>().Value;
        Assert.Equal((55600, 5.0), (options.Port, options.TimeScale));
        Assert.Single(provider.GetServices<IHostedService>(), service => service.GetType().Name == "SimulationLoop");
        Assert.Equal(["UnexpectedErrorInterceptor", "VehicleErrorInterceptor"], provider.GetRequiredService<IOptions<GrpcServiceOptions>>().Value.Interceptors.Select(registration => registration.Type.Name));
        Assert.Single(provider.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations);
    }

    [Fact]
    public async Task AddCockpitVehicle_Twice_ServiceStillAnswersHealthChecks()
    {
        await using var host = await VehicleServiceHost.StartAsync(services: services => services.AddCockpitVehicle());

        var health = await new Health.HealthClient(host.Channel).CheckAsync(new HealthCheckRequest());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        Assert.Empty(host.Logs.Errors);
    }
}
