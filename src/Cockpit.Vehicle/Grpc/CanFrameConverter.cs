using Google.Protobuf;
using Grpc.Core;
using Frame = Cockpit.Can.Frames.CanFrame;

namespace Cockpit.Vehicle.Grpc;

/// <summary>Frames between Cockpit.Can and cockpit.vehicle.v1.</summary>
internal static class CanFrameConverter
{
    public static V1.CanFrame ToProto(Frame frame) => new()
    {
        Id = frame.Id,
        Data = ByteString.CopyFrom(frame.Data.Span),
        IsExtended = frame.IsExtended,
        IsFd = frame.IsFd,
    };

    /// <exception cref="RpcException">INVALID_ARGUMENT: the id or payload length does not fit the format.</exception>
    public static Frame FromProto(V1.CanFrame? frame)
    {
        if (frame is null)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "frame: no frame given"));
        }

        try
        {
            return new Frame(frame.Id, frame.Data.ToByteArray(), frame.IsExtended, frame.IsFd);
        }
        catch (ArgumentException error)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"frame 0x{frame.Id:X}: {error.Message.Split(" (Parameter")[0]}"));
        }
    }
}
