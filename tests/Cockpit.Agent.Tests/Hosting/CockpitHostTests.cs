using System.Net;
using System.Net.Sockets;
using Cockpit.Agent.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cockpit.Agent.Tests.Hosting;

/// <summary>The embedded default on free ports when another process takes a port between finding and binding it.</summary>
public sealed class CockpitHostTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("cockpit-host-").FullName;
    private readonly TcpListener _taken = new(IPAddress.Loopback, 0);

    public CockpitHostTests() => _taken.Start();

    private int TakenPort => ((IPEndPoint)_taken.LocalEndpoint).Port;

    private string[] Arguments => [$"--Agent:DataDirectory={_data}", "--Logging:ConsoleLevel=Fatal"];

    public void Dispose()
    {
        _taken.Dispose();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task StartEmbeddedAsync_FirstPortTakenMeanwhile_StartsAgainOnFreshPorts()
    {
        var picks = 0;
        int Pick() => ++picks == 1 ? TakenPort : CockpitHost.FreeTcpPort();

        await using var app = await CockpitHost.StartEmbeddedAsync(Arguments, Pick, timeScale: 0, CancellationToken.None);

        var vehicle = app.Services.GetRequiredService<IOptions<AgentOptions>>().Value.VehicleAddress;
        Assert.NotEqual(TakenPort, vehicle.Port);
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, vehicle.Port);
        await app.StopAsync();
    }

    [Fact]
    public async Task StartEmbeddedAsync_PortAlwaysTaken_GivesUpWithTheBindError()
    {
        var error = await Assert.ThrowsAsync<IOException>(() => CockpitHost.StartEmbeddedAsync(Arguments, () => TakenPort, timeScale: 0, CancellationToken.None));

        Assert.Contains($"127.0.0.1:{TakenPort}", error.Message, StringComparison.Ordinal);
    }
}
