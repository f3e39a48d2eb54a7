using System.Diagnostics;
using Cockpit.Testing;
using Grpc.Core;
using Kuksa.Val.V2;

namespace Cockpit.Vehicle.Tests.Hosting;

public sealed class ShutdownTests
{
    [Fact]
    public async Task StopAsync_SubscribeStreamOpen_StreamEndsCleanlyAndHostStopsPromptly()
    {
        await using var host = await VehicleServiceHost.StartAsync();
        using var call = host.Val.Subscribe(new SubscribeRequest { SignalPaths = { "Vehicle.Speed" } });
        await call.ResponseStream.ReadNextAsync();

        var stopwatch = Stopwatch.StartNew();
        await host.StopAsync();
        var stopped = stopwatch.Elapsed;
        var more = await call.ResponseStream.MoveNext();

        Assert.False(more);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
        Assert.True(stopped < TimeSpan.FromSeconds(2), $"the host took {stopped} to stop");
        Assert.Empty(host.Logs.Errors);
    }
}
