using Cockpit.Can.Codec;
using Cockpit.Testing;
using Cockpit.Vehicle.Can;
using Cockpit.Vehicle.Simulation;
using Cockpit.Vehicle.V1;
using Grpc.Core;
using Kuksa.Val.V2;
using Microsoft.Extensions.DependencyInjection;

namespace Cockpit.Vehicle.Tests.Can;

/// <summary>Actuations through the whole CAN round trip, watched on the bus with the CanBus service.</summary>
public sealed class CanRoundTripTests : IAsyncLifetime
{
    private const string DriverTemperature = "Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature";

    private VehicleServiceHost _host = null!;
    private CanBus.CanBusClient _bus = null!;

    public async Task InitializeAsync()
    {
        _host = await VehicleServiceHost.StartAsync();
        _bus = new CanBus.CanBusClient(_host.Channel);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Actuate_SetPoint_RequestFrameThenConfirmingStatusFrame()
    {
        var codec = _host.Services.GetRequiredService<SimulatedVehicle>().Can!.Network.Codec;
        var request = codec.GetMessage("HU_HVACCmd1").Message;
        var status = codec.GetMessage("HVAC_Status1").Message;
        using var stream = _bus.StreamFrames(new StreamFramesRequest
        {
            Filters = { new V1.CanIdFilter { Id = request.Id, Mask = 0x7FF }, new V1.CanIdFilter { Id = status.Id, Mask = 0x7FF } },
        });
        await stream.ResponseHeadersAsync; // sent once the service's subscription is in place

        await _host.Val.ActuateAsync(Wire.Actuate(DriverTemperature, Wire.Float(23.5f)));
        var sent = await stream.ResponseStream.ReadNextAsync();
        var answer = await stream.ResponseStream.ReadNextAsync();

        var command = Decode(codec, sent.Frame);
        var report = Decode(codec, answer.Frame);
        Assert.Equal(request.Id, sent.Frame.Id);
        Assert.Equal(23.5, command["R1DrvTempReq"].Value);
        Assert.Equal("NoRequest", command["R1DrvFanReq"].Choice);
        Assert.Equal(status.Id, answer.Frame.Id);
        Assert.Equal(23.5, report["R1DrvTemp"].Value);
        Assert.Equal(command["Counter"].Value, report["Counter"].Value);
        Assert.Equal("vcan0", answer.Interface);
        Assert.Empty(_host.Logs.Errors);
    }

    [Fact]
    public void Advance_OneSecond_StatusFramesFollowTheirCycleTime()
    {
        var vehicle = _host.Services.GetRequiredService<SimulatedVehicle>();
        var codec = vehicle.Can!.Network.Codec;
        var hvac = codec.GetMessage("HVAC_Status1").Message;
        var doors = codec.GetMessage("DCU_Status").Message;
        var seen = new List<uint>();
        using var subscription = vehicle.Can.Tap.Subscribe(Cockpit.Can.Bus.CanIdFilter.All, frame => seen.Add(frame.Id));

        vehicle.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(TimeSpan.FromMilliseconds(200), hvac.CycleTime);
        Assert.Equal(TimeSpan.FromMilliseconds(100), doors.CycleTime);
        Assert.Equal(5, seen.Count(id => id == hvac.Id));
        Assert.Equal(10, seen.Count(id => id == doors.Id));
    }

    [Fact]
    public async Task SendFrame_RequestFromAnotherTool_EcuActsAndValueChanges()
    {
        var codec = _host.Services.GetRequiredService<SimulatedVehicle>().Can!.Network.Codec;
        var message = codec.GetMessage("HU_BCMCmd");
        var data = new byte[message.Message.Length];
        foreach (var signal in message.Signals.Where(signal => signal.Name.EndsWith("Req", StringComparison.Ordinal)))
        {
            signal.WriteBits(data, signal.Signal.Length >= 64 ? ulong.MaxValue : (1UL << signal.Signal.Length) - 1);
        }

        message.GetSignal("HazardOnReq").Encode(data, 1);
        new FrameSeal(message).Seal(data, 9);

        await _bus.SendFrameAsync(new SendFrameRequest { Frame = new V1.CanFrame { Id = message.Message.Id, Data = Google.Protobuf.ByteString.CopyFrom(data) } });

        var value = await _host.Val.GetValueAsync(new GetValueRequest { SignalId = Wire.Path("Vehicle.Body.Lights.Hazard.IsSignaling") });
        Assert.True(value.DataPoint.Value.Bool);
    }

    [Fact]
    public async Task SendFrame_PayloadTooLong_InvalidArgument()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _bus.SendFrameAsync(new SendFrameRequest
        {
            Frame = new V1.CanFrame { Id = 0x123, Data = Google.Protobuf.ByteString.CopyFrom(new byte[9]) },
        }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("frame 0x123: A classic CAN payload has at most 8 bytes.", error.Status.Detail);
    }

    [Fact]
    public async Task Actuate_SameMediaActionTwice_SubscriberHearsBothThroughTheEventFrame()
    {
        const string action = "Vehicle.Cabin.Infotainment.Media.Action";
        using var call = _host.Val.Subscribe(new SubscribeRequest { SignalPaths = { action } });
        await call.ResponseStream.ReadNextAsync();

        await _host.Val.ActuateAsync(Wire.Actuate(action, Wire.String("PLAY")));
        await _host.Val.ActuateAsync(Wire.Actuate(action, Wire.String("PLAY")));
        await _host.Val.ActuateAsync(Wire.Actuate("Vehicle.Cabin.Infotainment.Media.Volume", Wire.Uint(40)));
        await _host.Val.ActuateAsync(Wire.Actuate(action, Wire.String("STOP")));
        var seen = await call.ResponseStream.ReadUntilAsync(message => message.Entries[action].Value.String == "STOP");

        Assert.Equal(["PLAY", "PLAY", "STOP"], seen.Select(message => message.Entries[action].Value.String));
    }

    [Fact]
    public async Task StreamFrames_HostStops_StreamEndsWithOk()
    {
        using var stream = _bus.StreamFrames(new StreamFramesRequest());
        await stream.ResponseHeadersAsync;

        await _host.StopAsync();
        var more = await stream.ResponseStream.MoveNext(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);

        Assert.False(more);
        Assert.Equal(StatusCode.OK, stream.GetStatus().StatusCode);
    }

    private static Dictionary<string, DecodedSignal> Decode(DbcCodec codec, V1.CanFrame frame) =>
        codec.Decode(new Cockpit.Can.Frames.CanFrame(frame.Id, frame.Data.ToByteArray(), frame.IsExtended, frame.IsFd)).ToDictionary(signal => signal.Name);
}
