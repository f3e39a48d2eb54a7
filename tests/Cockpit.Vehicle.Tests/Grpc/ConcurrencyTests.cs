using System.Diagnostics;
using Cockpit.Testing;
using Cockpit.Vehicle.Vss;
using Grpc.Core;
using Kuksa.Val.V2;
using Metadata = Kuksa.Val.V2.Metadata;

namespace Cockpit.Vehicle.Tests.Grpc;

/// <summary>Many writers, many readers: every subscriber sees each signal's changes in write order.</summary>
public sealed class ConcurrencyTests : IAsyncLifetime
{
    private const int Clients = 50;
    private const int ActuationsPerClient = 100;

    // Actuators driven by motors or commands: their current value does not follow the target at once.
    private static readonly VssPathPattern[] s_notImmediate =
    [
        VssPathPattern.Parse("Vehicle.Cabin.Door.*.*.Window.Position"),
        VssPathPattern.Parse("Vehicle.Cabin.Sunroof"),
        VssPathPattern.Parse("Vehicle.Cabin.RearShade"),
        VssPathPattern.Parse("Vehicle.Body.Trunk.*.IsOpen"),
        VssPathPattern.Parse("Vehicle.Cabin.Infotainment.Media.Action"),
    ];

    private VehicleServiceHost _host = null!;

    public async Task InitializeAsync() => _host = await VehicleServiceHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Actuate_FiftyClientsHundredTimesEach_NoUpdateLostOrReordered()
    {
        var actuators = await ImmediateActuators(Clients);
        var written = actuators.ToDictionary(actuator => actuator.Path, actuator => Alternating(actuator.Metadata, actuator.Current));
        var calls = actuators.Select(actuator => _host.Val.Subscribe(new SubscribeRequest { SignalPaths = { actuator.Path }, BufferSize = 1000 })).ToList();
        foreach (var call in calls)
        {
            await call.ResponseStream.ReadNextAsync(); // the current value: every subscription is in place
        }

        var channels = actuators.Select(_ => _host.CreateChannel(VehicleTestKeys.Issue())).ToList();
        await Task.WhenAll(actuators.Select((actuator, index) => Task.Run(async () =>
        {
            var client = new VAL.VALClient(channels[index]);
            foreach (var value in written[actuator.Path])
            {
                await client.ActuateAsync(Wire.Actuate(actuator.Path, value));
            }
        })));
        var seen = await Task.WhenAll(actuators.Select((actuator, index) => ReadValues(calls[index], actuator.Path, ActuationsPerClient)));

        for (var index = 0; index < actuators.Count; index++)
        {
            Assert.Equal(written[actuators[index].Path], seen[index]);
            var final = await _host.Val.GetValueAsync(new GetValueRequest { SignalId = Wire.Path(actuators[index].Path) });
            Assert.Equal(written[actuators[index].Path][^1], final.DataPoint.Value);
        }

        Assert.Empty(_host.Logs.Errors);
        foreach (var item in channels.Cast<IDisposable>().Concat(calls))
        {
            item.Dispose();
        }
    }

    [Fact]
    public async Task Subscribe_SlowSubscriber_DoesNotStallOthersAndLaterGetsTheNewest()
    {
        const int Actuations = 1000;
        const string Marker = "Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature"; // set by the last batch only
        var lights = (await ImmediateActuators(Clients)).Where(actuator => actuator.Metadata.DataType == DataType.Boolean)
            .Select(actuator => actuator.Path).Take(10).ToList();
        using var fast = _host.Val.Subscribe(new SubscribeRequest { SignalPaths = { lights }, BufferSize = 1000 });
        using var slowChannel = _host.CreateChannel(VehicleTestKeys.Issue());
        using var slow = new VAL.VALClient(slowChannel).Subscribe(new SubscribeRequest { SignalPaths = { lights, Marker }, BufferSize = 1 });
        await fast.ResponseStream.ReadNextAsync();
        await slow.ResponseStream.ReadNextAsync(); // then it reads nothing until all is written

        var received = 0;
        var fastReader = fast.ResponseStream.ReadUntilAsync(_ => ++received == Actuations);
        for (var index = 1; index <= Actuations; index++)
        {
            var request = new BatchActuateRequest();
            request.ActuateRequests.AddRange(lights.Select(path => Wire.Actuate(path, Wire.Bool(index % 2 == 1))));
            if (index == Actuations)
            {
                request.ActuateRequests.Add(Wire.Actuate(Marker, Wire.Float(30)));
            }

            await _host.Val.BatchActuateAsync(request);
        }

        var lastWrite = Stopwatch.StartNew();
        var fastMessages = await fastReader;
        var lag = lastWrite.Elapsed;
        var slowMessages = await slow.ResponseStream.ReadUntilAsync(message => message.Entries.ContainsKey(Marker));

        // Every batch reached the fast subscriber, in order (each batch repeats its signals, so none are merged).
        Assert.All(fastMessages.Select((message, index) => (message, index)), item =>
            Assert.All(lights, path => Assert.Equal(item.index % 2 == 0, item.message.Entries[path].Value.Bool)));
        Assert.True(lag < TimeSpan.FromSeconds(2), $"the fast subscriber was {lag} behind the last actuation");

        // The slow one got what its transport had buffered, then only the newest batch.
        Assert.InRange(slowMessages.Count, 1, Actuations / 2);
        Assert.Equal(30f, slowMessages[^1].Entries[Marker].Value.Float);
        Assert.All(lights, path => Assert.False(slowMessages[^1].Entries[path].Value.Bool));
        Assert.Empty(_host.Logs.Errors);
    }

    private async Task<List<(string Path, Metadata Metadata, Value Current)>> ImmediateActuators(int count)
    {
        var metadata = await _host.Val.ListMetadataAsync(new ListMetadataRequest());
        var chosen = new List<(string, Metadata, Value)>();
        foreach (var item in metadata.Metadata.Where(item => item.EntryType == EntryType.Actuator && !s_notImmediate.Any(pattern => pattern.Matches(item.Path))))
        {
            var current = await _host.Val.GetValueAsync(new GetValueRequest { SignalId = Wire.Path(item.Path) });
            if (current.DataPoint.Value is { } value)
            {
                chosen.Add((item.Path, item, value));
            }
        }

        Assert.True(chosen.Count >= count, $"the catalog has only {chosen.Count} immediate actuators with a value");
        return chosen.Take(count).ToList();
    }

    /// <summary>Two valid values, the first unlike the current one, alternated <see cref="ActuationsPerClient"/> times.</summary>
    private static List<Value> Alternating(Metadata metadata, Value current)
    {
        var candidates = metadata.AllowedValues?.StringArray?.Values is { Count: > 1 } allowed
            ? allowed.Select(Wire.String).ToList()
            : metadata.DataType switch
            {
                DataType.Boolean => [Wire.Bool(true), Wire.Bool(false)],
                DataType.Float => [Wire.Float(20), Wire.Float(24), Wire.Float(28)],
                DataType.Double => [Wire.Double(20), Wire.Double(24), Wire.Double(28)],
                DataType.Int8 or DataType.Int16 or DataType.Int32 => [Wire.Int(20), Wire.Int(24), Wire.Int(28)],
                DataType.Uint8 or DataType.Uint16 or DataType.Uint32 => [Wire.Uint(20), Wire.Uint(24), Wire.Uint(28)],
                var other => throw new InvalidOperationException($"{metadata.Path}: no test values for {other}"),
            };
        var first = candidates.First(candidate => !candidate.Equals(current));
        var second = candidates.First(candidate => !candidate.Equals(first));
        return Enumerable.Range(0, ActuationsPerClient).Select(index => index % 2 == 0 ? first : second).ToList();
    }

    private static async Task<List<Value>> ReadValues(AsyncServerStreamingCall<SubscribeResponse> call, string path, int count)
    {
        var values = new List<Value>();
        await call.ResponseStream.ReadUntilAsync(message =>
        {
            values.Add(message.Entries[path].Value);
            return values.Count == count;
        });
        return values;
    }
}
