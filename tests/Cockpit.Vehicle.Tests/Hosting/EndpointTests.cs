using Cockpit.Testing;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;
using Kuksa.Val.V2;

namespace Cockpit.Vehicle.Tests.Hosting;

public sealed class EndpointTests
{
    [Fact]
    public async Task UnixSocket_Configured_ServesTheSameApi()
    {
        var socket = Path.Combine(Path.GetTempPath(), $"cockpit-{Guid.NewGuid():N}.sock");
        await using var host = await VehicleServiceHost.StartAsync(options => options.UnixSocketPath = socket);
        using var channel = GrpcChannels.ForUnixSocket(socket, VehicleTestKeys.Issue());
        var client = new VAL.VALClient(channel);

        await client.ActuateAsync(Wire.Actuate("Vehicle.Cabin.HVAC.IsAirConditioningActive", Wire.Bool(true)));

        var overTcp = await host.Val.GetValueAsync(new GetValueRequest { SignalId = Wire.Path("Vehicle.Cabin.HVAC.IsAirConditioningActive") });
        Assert.True(overTcp.DataPoint.Value.Bool);
        Assert.Equal("cockpit-vehicle", (await client.GetServerInfoAsync(new GetServerInfoRequest())).Name);
        Assert.Empty(host.Logs.Errors);
    }

    [Fact]
    public async Task HealthCheck_Running_Serving()
    {
        await using var host = await VehicleServiceHost.StartAsync();

        var response = await new Health.HealthClient(host.Channel).CheckAsync(new HealthCheckRequest());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
        Assert.Empty(host.Logs.Errors);
    }

    [Fact]
    public async Task ServerReflection_ListServices_NamesEveryService()
    {
        await using var host = await VehicleServiceHost.StartAsync();
        using var call = new ServerReflection.ServerReflectionClient(host.Channel).ServerReflectionInfo();

        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        var response = await call.ResponseStream.ReadNextAsync();

        var services = response.ListServicesResponse.Service.Select(service => service.Name).ToList();
        Assert.Contains("kuksa.val.v2.VAL", services);
        Assert.Contains("cockpit.vehicle.v1.Simulation", services);
        Assert.Contains("grpc.health.v1.Health", services);
        Assert.Empty(host.Logs.Errors);
    }
}
