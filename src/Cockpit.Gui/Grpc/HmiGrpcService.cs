using Cockpit.Gui.Hmi;
using Cockpit.Hmi.V1;
using Grpc.Core;

namespace Cockpit.Gui.Grpc;

/// <summary>cockpit.hmi.v1 Hmi: request → engine → response; errors become statuses in <see cref="HmiStatus"/>.</summary>
internal sealed class HmiGrpcService(HmiEngine engine) : Cockpit.Hmi.V1.Hmi.HmiBase
{
    public override Task<Screen> GetScreen(GetScreenRequest request, ServerCallContext context) =>
        Task.FromResult(HmiProtoMapper.ToProto(engine.Current));

    public override async Task<ActResponse> Act(ActRequest request, ServerCallContext context)
    {
        try
        {
            var result = await engine.ActAsync(HmiProtoMapper.ToAction(request), context.CancellationToken);
            return new ActResponse { Screen = HmiProtoMapper.ToProto(result.Screen), Changed = result.Changed, Summary = result.Summary };
        }
        catch (HmiActionException ex)
        {
            throw HmiStatus.ToRpc(ex);
        }
    }

    public override async Task WatchScreen(WatchScreenRequest request, IServerStreamWriter<Screen> responseStream, ServerCallContext context)
    {
        try
        {
            await foreach (var snapshot in engine.WatchAsync(everyAction: false, context.CancellationToken))
            {
                await responseStream.WriteAsync(HmiProtoMapper.ToProto(snapshot), context.CancellationToken);
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The caller went away; nothing to report to it.
        }
    }

    public override Task<State> GetState(GetStateRequest request, ServerCallContext context) =>
        Task.FromResult(HmiProtoMapper.ToProto(engine.GetState(), engine.Current.Id));

    public override async Task<State> Reset(ResetRequest request, ServerCallContext context)
    {
        try
        {
            await engine.ResetAsync(HmiProtoMapper.ToGiven(request), context.CancellationToken);
            return HmiProtoMapper.ToProto(engine.GetState(), engine.Current.Id);
        }
        catch (HmiActionException ex)
        {
            throw HmiStatus.ToRpc(ex);
        }
    }
}
