using System.Threading.Channels;
using Cockpit.Vehicle.Can;
using Cockpit.Vehicle.Security;
using Cockpit.Vehicle.Simulation;
using Cockpit.Vehicle.V1;
using Grpc.Core;
using CanIdFilter = Cockpit.Can.Bus.CanIdFilter;

namespace Cockpit.Vehicle.Grpc;

/// <summary>
/// The cockpit.vehicle.v1 CanBus service: frames out to monitoring tools, frames in from them. Status codes are listed
/// in can.proto. Frames carry every signal, so streaming needs <c>read</c> of every signal; sending a frame acts on the
/// car past the interlocks, so it needs <c>simulate</c>.
/// </summary>
internal sealed class CanBusService(SimulatedVehicle vehicle, TimeProvider time, IHostApplicationLifetime lifetime) : V1.CanBus.CanBusBase
{
    private const int StreamBuffer = 4096;

    public override async Task StreamFrames(StreamFramesRequest request, IServerStreamWriter<CanFrameEvent> responseStream, ServerCallContext context)
    {
        var access = context.Access();
        foreach (var entry in vehicle.Catalog.Entries)
        {
            access.Demand(VehiclePermission.Read, entry);
        }

        var can = RequireCan();
        var filters = request.Filters.Select(ToFilter).ToArray();
        if (filters.Length == 0)
        {
            filters = [CanIdFilter.All];
        }

        // A slow reader loses the oldest frames rather than stalling the bus, which delivers on the sender's thread.
        var frames = Channel.CreateBounded<CanFrameEvent>(new BoundedChannelOptions(StreamBuffer) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        var name = can.Tap.Name;
        using var subscription = can.Tap.Subscribe(CanIdFilter.All, frame =>
        {
            if (Array.Exists(filters, filter => filter.Matches(frame)))
            {
                var timestamp = (time.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks / TimeSpan.TicksPerMicrosecond;
                frames.Writer.TryWrite(new CanFrameEvent { Frame = CanFrameConverter.ToProto(frame), TimestampUs = timestamp, Interface = name });
            }
        });
        // Headers go out once the subscription is in place, so a client that awaits them misses no frame after that.
        await context.WriteResponseHeadersAsync([]);
        // The stream ends with OK when the host stops, rather than holding the shutdown open.
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);
        try
        {
            await foreach (var item in frames.Reader.ReadAllAsync(ending.Token))
            {
                await responseStream.WriteAsync(item, ending.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // the client went away, or the service stops
        }
    }

    public override async Task<SendFrameResponse> SendFrame(SendFrameRequest request, ServerCallContext context)
    {
        context.Access().DemandSimulate("CanBus.SendFrame");
        var can = RequireCan();
        await can.SendAsync(CanFrameConverter.FromProto(request.Frame), context.CancellationToken);
        return new SendFrameResponse();
    }

    private VehicleCan RequireCan() =>
        vehicle.Can ?? throw new RpcException(new Status(StatusCode.FailedPrecondition, "CAN is disabled (Vehicle:Can:Enabled is false)"));

    private static CanIdFilter ToFilter(V1.CanIdFilter filter) =>
        filter.Id > Cockpit.Can.Frames.CanFrame.MaxExtendedId || filter.Mask > Cockpit.Can.Frames.CanFrame.MaxExtendedId
            ? throw new RpcException(new Status(StatusCode.InvalidArgument, $"filter id 0x{filter.Id:X} / mask 0x{filter.Mask:X}: at most 29 bits"))
            : new CanIdFilter(filter.Id, filter.Mask);
}
