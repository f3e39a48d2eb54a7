using Cockpit.ServiceDefaults.Grpc;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace Cockpit.ServiceDefaults.Tests.Grpc;

public sealed class CockpitGrpcChannelTests
{
    [Theory]
    [InlineData("unix:/run/cockpit/vehicle.sock", "/run/cockpit/vehicle.sock")]
    [InlineData("unix:///run/cockpit/vehicle.sock", "/run/cockpit/vehicle.sock")]
    [InlineData("UNIX:/run/cockpit/hmi.sock", "/run/cockpit/hmi.sock")]
    [InlineData("unix:vehicle.sock", "vehicle.sock")]
    [InlineData("unix:", null)]
    [InlineData("unix://", null)]
    [InlineData("unix://host/run/cockpit/vehicle.sock", null)]
    [InlineData("http://127.0.0.1:55555", null)]
    [InlineData("", null)]
    public void TryGetUnixSocketPath_Address_PathOrNone(string address, string? expected)
    {
        var found = CockpitGrpcChannel.TryGetUnixSocketPath(address, out var path);

        Assert.Equal(expected is not null, found);
        Assert.Equal(expected, path);
    }

    [Fact]
    public async Task ForAddress_UnixSocketUri_ReachesTheServiceOnTheSocket()
    {
        var socket = Path.Combine(Path.GetTempPath(), $"cockpit-{Guid.NewGuid():N}.sock");
        await File.WriteAllTextAsync(socket, "left over from an earlier run");
        await using var app = await StartHealthServiceAsync(socket);
        using var channel = CockpitGrpcChannel.ForAddress(new Uri("unix:" + socket));

        var reply = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }

    [Fact]
    public async Task ForAddress_NoSocketThere_Unavailable()
    {
        using var channel = CockpitGrpcChannel.ForAddress($"unix:/tmp/cockpit-missing-{Guid.NewGuid():N}.sock");

        var error = await Assert.ThrowsAsync<global::Grpc.Core.RpcException>(async () => await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest()));

        Assert.Equal(global::Grpc.Core.StatusCode.Unavailable, error.StatusCode);
    }

    [Theory]
    [InlineData("http://127.0.0.1:55555", null, 1000)]
    [InlineData("unix:/run/cockpit/vehicle.sock", null, 1000)]
    [InlineData("http://127.0.0.1:55555", 250, 250)]
    public void ForAddress_ReconnectBackoff_AtMostASecond(string address, int? requestedMs, int expectedMs)
    {
        var options = new GrpcChannelOptions();
        if (requestedMs is { } requested)
        {
            options.MaxReconnectBackoff = TimeSpan.FromMilliseconds(requested);
        }

        using var channel = CockpitGrpcChannel.ForAddress(address, options);

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), options.MaxReconnectBackoff);
    }

    [Fact]
    public void ForAddress_UnixSocketWithOwnHandler_Refused()
    {
        var options = new GrpcChannelOptions { HttpHandler = new SocketsHttpHandler() };

        var error = Assert.Throws<ArgumentException>(() => CockpitGrpcChannel.ForAddress("unix:/run/cockpit/vehicle.sock", options));

        Assert.Equal("The channel to unix:/run/cockpit/vehicle.sock brings its own socket handler; leave GrpcChannelOptions.HttpHandler and HttpClient unset. (Parameter 'options')", error.Message);
    }

    [Fact]
    public void ForAddress_UnixSocketWithoutPath_Refused()
    {
        var error = Assert.Throws<ArgumentException>(() => CockpitGrpcChannel.ForAddress("unix:"));

        Assert.StartsWith("The address unix: names no socket path", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ForAddress_HttpUrl_PlainTcpChannel()
    {
        using var channel = CockpitGrpcChannel.ForAddress(new Uri("http://127.0.0.1:55555"));

        Assert.Equal("127.0.0.1:55555", channel.Target);
    }

    private static async Task<WebApplication> StartHealthServiceAsync(string socket)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddGrpc();
        builder.Services.AddGrpcHealthChecks().AddCheck("test", () => HealthCheckResult.Healthy());
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenCockpitUnixSocket(socket));
        var app = builder.Build();
        app.MapGrpcHealthChecksService();
        await app.StartAsync();
        return app;
    }
}
