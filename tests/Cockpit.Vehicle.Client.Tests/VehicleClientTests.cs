using Cockpit.Testing;
using Cockpit.Vehicle.V1;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cockpit.Vehicle.Client.Tests;

/// <summary>The shared client against the real vehicle service on loopback: every outcome is typed, none is a transport status.</summary>
public sealed class VehicleClientTests : IAsyncLifetime
{
    private const string DriverTemperature = "Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature";
    private const string Trunk = "Vehicle.Body.Trunk.Rear.IsOpen";
    private const string FanSpeed = "Vehicle.Cabin.HVAC.Station.Row1.Driver.FanSpeed";

    private VehicleServiceHost _host = null!;

    public async Task InitializeAsync() => _host = await VehicleServiceHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Actuate_ValuesThatFit_AcceptedAndReadBackInTheirWireTypes()
    {
        using var client = Client();

        var result = await client.ActuateAsync([(DriverTemperature, 22.5), (FanSpeed, 40)], default);
        await _host.Simulation.SettleAsync(new SettleRequest());

        Assert.Equal(VehicleResult.Accepted, result);
        var values = await client.GetValuesAsync([DriverTemperature, FanSpeed], default);
        Assert.Equal(22.5f, values[DriverTemperature]);
        Assert.Equal((byte)40, Convert.ToByte(values[FanSpeed], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Actuate_OutOfTheSignalsRange_RefusedWithTheServicesReason()
    {
        using var client = Client();

        var result = await client.ActuateAsync([(DriverTemperature, 50)], default);

        Assert.Equal(new VehicleResult(VehicleOutcome.Refused, $"{DriverTemperature}: 50 is out of range [16, 32]"), result);
    }

    [Fact]
    public async Task Actuate_AFractionForAWholeNumberSignal_RefusedBeforeAnythingIsSent()
    {
        using var client = Client();

        var result = await client.ActuateAsync([(DriverTemperature, 31), (FanSpeed, 40.5)], default);
        await _host.Simulation.SettleAsync(new SettleRequest());

        Assert.Equal(VehicleOutcome.Refused, result.Outcome);
        Assert.Equal($"{FanSpeed}: 40.5 is not a whole number", result.Reason);
        Assert.NotEqual(31f, (await client.GetValuesAsync([DriverTemperature], default))[DriverTemperature]);
    }

    [Fact]
    public async Task Actuate_TrunkWhileMoving_Interlocked()
    {
        using var client = Client();
        await _host.Simulation.SetSignalsAsync(new SetSignalsRequest { Values = { ["Vehicle.Speed"] = Wire.Float(50) } });

        var result = await client.ActuateAsync([(Trunk, true)], default);

        Assert.Equal(VehicleOutcome.Interlocked, result.Outcome);
        Assert.StartsWith($"{Trunk}: cannot open while the vehicle is moving", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Actuate_NoSuchSignal_NotFound()
    {
        using var client = Client();

        var result = await client.ActuateAsync([("Vehicle.Cabin.Teleporter", true)], default);

        Assert.Equal(new VehicleResult(VehicleOutcome.NotFound, "Vehicle.Cabin.Teleporter: no such signal"), result);
    }

    [Fact]
    public async Task Actuate_WithoutATokenOrOutsideItsScope_UnauthenticatedOrForbidden()
    {
        using var anonymous = Client(token: null);
        using var reader = Client(VehicleTestKeys.Issue("read"));

        Assert.Equal(VehicleOutcome.Unauthenticated, (await anonymous.ActuateAsync([(DriverTemperature, 22)], default)).Outcome);
        Assert.Equal(VehicleOutcome.Forbidden, (await reader.ActuateAsync([(DriverTemperature, 22)], default)).Outcome);
    }

    [Fact]
    public async Task Calls_NoServiceListening_UnreachableAfterTheRetries()
    {
        using var client = new VehicleClient(
            new VehicleClientOptions { Address = "http://127.0.0.1:9", CallTimeout = TimeSpan.FromMilliseconds(200), Retries = 1, RetryBaseDelay = TimeSpan.FromMilliseconds(10) },
            TimeProvider.System,
            NullLogger<VehicleClient>.Instance);

        Assert.Equal(VehicleOutcome.Unreachable, (await client.ActuateAsync([(DriverTemperature, 22)], default)).Outcome);
        Assert.Equal(VehicleOutcome.Unreachable, (await Assert.ThrowsAsync<VehicleException>(() => client.GetValuesAsync([DriverTemperature], default))).Outcome);
    }

    [Fact]
    public async Task GetValues_AnUnknownSignal_ThrowsNotFound()
    {
        using var client = Client();

        var error = await Assert.ThrowsAsync<VehicleException>(() => client.GetValuesAsync(["Vehicle.Cabin.Teleporter"], default));

        Assert.Equal(VehicleOutcome.NotFound, error.Outcome);
    }

    [Fact]
    public async Task Publish_ASensorThisCallerProvides_Accepted()
    {
        using var client = Client();

        Assert.True((await client.PublishAsync("Vehicle.Cabin.Infotainment.Media.Played.Track", "晴天", default)).IsAccepted);
        Assert.Equal("晴天", (await client.GetValuesAsync(["Vehicle.Cabin.Infotainment.Media.Played.Track"], default))["Vehicle.Cabin.Infotainment.Media.Played.Track"]);
    }

    [Fact]
    public async Task Subscribe_CurrentValuesFirstThenEachChange()
    {
        using var client = Client();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await using var stream = client.SubscribeAsync([Trunk], stop.Token).GetAsyncEnumerator(stop.Token);

        Assert.True(await stream.MoveNextAsync());
        Assert.Equal(false, stream.Current[Trunk]);
        Assert.True((await client.ActuateAsync([(Trunk, true)], default)).IsAccepted);
        await _host.Simulation.SettleAsync(new SettleRequest());
        while (await stream.MoveNextAsync() && !Equals(stream.Current[Trunk], true))
        {
        }

        Assert.Equal(true, stream.Current[Trunk]);
    }

    private VehicleClient Client() => Client(VehicleTestKeys.Issue());

    private VehicleClient Client(string? token) => new(
        new VehicleClientOptions { Address = _host.Address.ToString(), Token = token },
        TimeProvider.System,
        NullLogger<VehicleClient>.Instance);
}
