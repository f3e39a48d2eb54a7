using Cockpit.Can.Bus;
using Cockpit.Can.Logging;
using Cockpit.Testing;
using Cockpit.Vehicle.Simulation;
using Kuksa.Val.V2;
using Microsoft.Extensions.DependencyInjection;

namespace Cockpit.Vehicle.Tests.Can;

public sealed class CandumpLogTests : IDisposable
{
    private const string Hazard = "Vehicle.Body.Lights.Hazard.IsSignaling";
    private readonly string _log = Path.Combine(Path.GetTempPath(), $"cockpit-can-{Guid.NewGuid():N}.log");

    public void Dispose() => File.Delete(_log);

    [Fact]
    public async Task LogPath_Actuation_WritesRequestAndAnswerInCandumpFormat()
    {
        await using (var host = await VehicleServiceHost.StartAsync(options => options.Can.LogPath = _log))
        {
            await host.Val.ActuateAsync(Wire.Actuate(Hazard, Wire.Bool(true)));
        }

        var lines = await File.ReadAllLinesAsync(_log);
        var records = lines.Select((line, index) => CandumpReader.ParseLine(line, _log, index + 1)).ToList();

        Assert.Matches(@"^\(\d+\.\d{6}\) vcan0 130#[0-9A-F]{16}$", lines[0]); // HU_BCMCmd
        Assert.Equal(0x330u, records[1].Frame.Id); // BCM_Status answers
        Assert.All(records, record => Assert.Equal("vcan0", record.Interface));
    }

    [Fact]
    public async Task Replay_LogOfAnActuation_DrivesAnotherCarTheSameWay()
    {
        await using (var recording = await VehicleServiceHost.StartAsync(options => options.Can.LogPath = _log))
        {
            await recording.Val.ActuateAsync(Wire.Actuate(Hazard, Wire.Bool(true)));
        }

        var requests = string.Join("\n", (await File.ReadAllLinesAsync(_log)).Where(line => line.Contains(" 130#", StringComparison.Ordinal)));
        await using var replay = await VehicleServiceHost.StartAsync();
        var tap = replay.Services.GetRequiredService<SimulatedVehicle>().Can!.Tap;

        var sent = await CandumpReplayer.ReplayAsync(new CandumpReader(new StringReader(requests)), tap);

        Assert.Equal(1, sent);
        var value = await replay.Val.GetValueAsync(new GetValueRequest { SignalId = Wire.Path(Hazard) });
        Assert.True(value.DataPoint.Value.Bool);
    }

    [Fact]
    public async Task ReplayPath_LogOfAnActuation_ReplayedIntoTheCarAtStart()
    {
        await using (var recording = await VehicleServiceHost.StartAsync(options => options.Can.LogPath = _log))
        {
            await recording.Val.ActuateAsync(Wire.Actuate(Hazard, Wire.Bool(true)));
        }

        await using var replay = await VehicleServiceHost.StartAsync(options => options.Can.ReplayPath = _log);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        bool? hazard = null;
        while (hazard != true && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
            hazard = (await replay.Val.GetValueAsync(new GetValueRequest { SignalId = Wire.Path(Hazard) })).DataPoint?.Value?.Bool;
        }

        Assert.True(hazard);
    }

    [Fact]
    public async Task ReplayPath_MalformedLog_ServiceKeepsRunningAndLogsTheLine()
    {
        await File.WriteAllTextAsync(_log, "(1.000000) vcan0 130#00\nnot a frame\n");

        await using var host = await VehicleServiceHost.StartAsync(options => options.Can.ReplayPath = _log);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!host.Logs.Entries.Any(entry => entry.Message.Contains("Replay of", StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.Contains(host.Logs.Entries, entry => entry.Message.Contains($"{_log}(2): expected a timestamp", StringComparison.Ordinal));
        Assert.NotNull((await host.Val.GetServerInfoAsync(new GetServerInfoRequest())).Name);
    }
}
